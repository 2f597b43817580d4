#!/usr/bin/env bash
# Debian packages the test suite needs besides npm: LibreOffice Writer (renders the report to PDF),
# poppler-utils (reads the PDF back) and Chromium (the task pane's end-to-end test drives
# /usr/bin/chromium with playwright-core; `npx playwright install` is not used). Installs only what
# is missing; needs root (CI runs as root).
set -euo pipefail
need=()
# Writer, not only Calc: the report is a .docx.
command -v soffice >/dev/null 2>&1 && [ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
  || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Cài gói Debian / installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-liberation fonts-liberation2 >/dev/null
