// Who met John Kerry (by name or alias) at a meeting about Syria.
MATCH (kerry:Entity)-[m:MET]-(other:Entity)
WHERE (kerry.name = 'John Kerry' OR 'John Kerry' IN kerry.aliases)
  AND 'Syria' IN m.topics AND NOT m.negated AND other <> kerry
RETURN DISTINCT other.name AS name ORDER BY name
