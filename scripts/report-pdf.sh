#!/usr/bin/env bash
# Converts the drafted report (.docx) to PDF with LibreOffice, and page 1 of that PDF to PNG
# with pdftoppm, for a look at the layout. Each step is skipped, with a note, when its tool is
# missing.
#
#   scripts/report-pdf.sh [report.docx] [out-dir]
#
# Defaults: out/bao-cao.docx, written next to the input. Writes <name>.pdf and <name>-p1.png.
# Exit codes: 0 done or skipped, 1 bad input, 2 conversion failed.
set -euo pipefail

input="${1:-out/bao-cao.docx}"
if [[ ! -f "$input" ]]; then
  echo "Lỗi: không tìm thấy tệp $input / error: file not found: $input" >&2
  exit 1
fi
outdir="${2:-$(dirname "$input")}"
mkdir -p "$outdir"
name="$(basename "${input%.*}")"
pdf="$outdir/$name.pdf"
png_base="$outdir/$name-p1"

soffice_bin="$(command -v soffice || command -v libreoffice || true)"
if [[ -z "$soffice_bin" ]]; then
  echo "Bỏ qua: không có LibreOffice (soffice), không tạo PDF / skipped: soffice not found, no PDF made"
  exit 0
fi

# A private, throw-away profile: no clash with a LibreOffice the user has open, no lock files left.
profile="$(mktemp -d "${TMPDIR:-/tmp}/report-pdf.XXXXXX")"
trap 'rm -rf "$profile"' EXIT

rm -f "$pdf"
# soffice can exit 0 without writing anything (e.g. Writer not installed), so check for the file.
if ! "$soffice_bin" "-env:UserInstallation=file://$profile" --headless --norestore \
      --convert-to pdf:writer_pdf_Export --outdir "$outdir" "$input" >"$profile/soffice.log" 2>&1 \
    || [[ ! -s "$pdf" ]]; then
  echo "Lỗi: LibreOffice không chuyển được sang PDF (thiếu Writer? thử: apt-get install libreoffice-writer-nogui)" >&2
  echo "error: LibreOffice could not convert to PDF (Writer missing? try: apt-get install libreoffice-writer-nogui)" >&2
  sed 's/^/  soffice: /' "$profile/soffice.log" >&2 || true
  exit 2
fi
echo "PDF: $pdf"

if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "Bỏ qua: không có pdftoppm (poppler-utils), không tạo PNG / skipped: pdftoppm not found, no PNG made"
  exit 0
fi
pdftoppm -png -r 96 -f 1 -l 1 -singlefile "$pdf" "$png_base"
echo "PNG (trang 1 / page 1): $png_base.png"
