# --- make chart-test: every chart rendered and measured (issue 17 §7) ---------------
# rsvg-convert (Debian librsvg2-bin) renders the SVGs to target/charts/*.png with
# Noto Sans CJK (Debian fonts-noto-cjk); tests/charts/render_check.py measures
# every text with the fonts' own metrics (fontTools, pinned below) and fails when
# one is cut, leaves the picture, overlaps another or crosses a border. Look at the
# PNGs after a layout change.
.PHONY: chart-tools chart-test
# fontTools reads the fonts' advance widths for the check (test-only, pinned).
FONTTOOLS := fonttools==4.68.0

chart-tools: python-tools
	command -v rsvg-convert >/dev/null && fc-list :lang=zh-tw family | grep -q . || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq librsvg2-bin fonts-noto-cjk >/dev/null; }
	$(PY) -c 'import fontTools' 2>/dev/null || $(PY) -m pip install -q $(FONTTOOLS)

chart-test: python-wheel chart-tools
	$(PY) tests/charts/render_check.py
