#!/usr/bin/env python3
"""The map step of a kg build on Spark: JSON Lines articles in, extraction record shards out.

    spark-submit examples/spark/extract.py --kg target/release/kg INPUT OUTPUT
    python3 examples/spark/extract.py --master 'local[2]' --kg target/release/kg INPUT OUTPUT
    kg build --from OUTPUT --output news.kg                  # the reduce, on one machine

INPUT is any path Spark reads as text (a file, a folder, a glob; local, hdfs://, s3a://, ...)
holding one article a line, `{"id", "text", "title"?, "date"?, ...}` as `kg build` reads them.
The kg binary is shipped to the executors with the job (`SparkContext.addFile`); each partition
is piped through one `kg extract --records --jobs 1 -` (one process a task, a core each), and
the records are written as text shards to OUTPUT (`saveAsTextFile`: `part-00000`, ...;
`kg build --from` skips `_SUCCESS`). Extraction is a pure function of each article, so the
shards merge into exactly the graph `kg build INPUT` makes, however Spark split the input.

The binary must run on the executors' machines: build it for their platform (on Linux,
`cargo build --release --target x86_64-unknown-linux-musl` makes one that needs no libraries).
"""

import argparse
import os
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def records_of(kg_name, lines):
    """Runs one kg process over a partition's lines; yields its record lines."""
    first = next(lines, None)
    if first is None:
        return  # an empty partition: kg would read empty standard input as one empty text
    kg = SparkFiles.get(kg_name)
    if not os.access(kg, os.X_OK):
        os.chmod(kg, 0o755)
    proc = subprocess.Popen(
        [kg, "extract", "--records", "--jobs", "1", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    failure = []

    def feed():
        try:
            proc.stdin.write(first.encode("utf-8") + b"\n")
            for line in lines:
                proc.stdin.write(line.encode("utf-8") + b"\n")
        except BaseException as err:  # reported after kg ends; kg may have stopped reading
            failure.append(err)
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for out in proc.stdout:
        yield out.decode("utf-8").rstrip("\n")
    writer.join()
    code = proc.wait()
    if code != 0:
        raise RuntimeError(f"kg extract --records exited with {code}")
    if failure:
        raise failure[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kg", required=True, help="the kg binary to ship to the executors")
    ap.add_argument("--master", help="the Spark master when not run by spark-submit "
                    "(`local[2]`: Spark's local mode on two cores)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="split the input into this many partitions (default: as Spark reads it)")
    ap.add_argument("input", help="JSON Lines articles, any path Spark reads as text")
    ap.add_argument("output", help="a folder to create for the record shards")
    args = ap.parse_args()

    builder = SparkSession.builder.appName("kg extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.kg))
    kg_name = os.path.basename(args.kg)
    lines = sc.textFile(args.input)
    if args.partitions > 0:
        lines = lines.repartition(args.partitions)
    records = lines.filter(lambda line: line.strip()).mapPartitions(
        lambda part: records_of(kg_name, part))
    records.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
