# The two entry points the README opens with. Both install what is missing first.
.PHONY: nightly test build bench bench-smoke

nightly:
	./scripts/install-deps.sh
	swift build -c release --product crm
	.build/release/crm run pipelines/nightly.yml --out reports

# The unit suite, then the real nightly report rendered in headless Chromium and HTML-validated.
test:
	./scripts/install-deps.sh --test
	swift build --build-tests
	swift test --skip-build
	./scripts/render-check.sh

build:
	./scripts/install-deps.sh
	swift build -c release

bench:
	./scripts/install-deps.sh --test
	swift build -c release
	.build/release/crm-bench

# CI's smoke run of the benchmark at a small scale with the debug build `make test` leaves behind:
# it must finish (every stage, both peers); timings at this size mean nothing and are not asserted.
bench-smoke:
	swift build --product crm
	swift build --product crm-bench
	.build/debug/crm-bench --customers 2000 --repeat 1 --data bench-data
