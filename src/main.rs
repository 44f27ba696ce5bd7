//! The `kg` command line.

fn main() {
    println!("kg: under construction");
}
