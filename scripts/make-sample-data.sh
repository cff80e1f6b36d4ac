#!/bin/sh
# Regenerates everything in sample-data/ except sample-data/cdnow/.
#  1. sample-data/csv: the generator with GeneratorConfig.sampleData (5,000 customers, seed 42), written by the
#     SampleDataTests test when CRM_REGENERATE_SAMPLE_DATA=1 (without it, that test checks the committed files
#     are exactly what the generator produces).
#  2. sample-data/gbk and sample-data/sqlite: derived from the CSVs by scripts/make-sample-exports.py.
#  3. sample-data/gbk/customers.xlsx, the xlsx twin of the GBK CSV (and the xlsx test fixtures, unchanged).
set -eu
cd "$(dirname "$0")/.."
CRM_REGENERATE_SAMPLE_DATA=1 swift test --filter 'GeneratorTests.SampleDataTests'
python3 scripts/make-sample-exports.py
python3 scripts/make-xlsx-fixtures.py
