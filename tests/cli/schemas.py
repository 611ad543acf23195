"""Validates JSON documents printed by diplograph against the schemas in docs/schemas/.

usage: schemas.py SCHEMA_DIR (SCHEMA_FILE DOCUMENT_FILE)...
Prints one line per document and exits 1 if any does not validate; exits 3 if the Python
package jsonschema is missing (the Rust test then reports a visible skip).
"""
import json
import pathlib
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
except ImportError:
    sys.exit(3)

schema_dir = pathlib.Path(sys.argv[1])
resources = []
for path in sorted(schema_dir.glob("*.schema.json")):
    schema = json.loads(path.read_text())
    resources.append((schema["$id"], Resource.from_contents(schema)))
registry = Registry().with_resources(resources)

failed = 0
args = sys.argv[2:]
for schema_name, document in zip(args[::2], args[1::2]):
    schema = json.loads((schema_dir / schema_name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    instance = json.loads(pathlib.Path(document).read_text())
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    if errors:
        failed += 1
        for e in errors[:5]:
            print(f"{document}: {schema_name}: {'/'.join(map(str, e.path))}: {e.message[:300]}")
    else:
        print(f"ok {document} {schema_name}")
sys.exit(1 if failed else 0)
