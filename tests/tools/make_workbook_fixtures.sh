#!/bin/sh
# Writes the workbook and document fixtures of issue 21 with a real office
# suite: Debian's LibreOffice (apt-get install libreoffice-calc
# libreoffice-writer). The CSV sources are written by make_workbook_sources.py
# from the seed's tables; LibreOffice converts each to xlsx, xls and ods (and
# the text/HTML sources to docx, odt and pdf). The results are committed, so
# `make test` never needs LibreOffice; run this again only to refresh them.
#
#   sh tests/tools/make_workbook_fixtures.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../fixtures/workbooks"
docs="$here/../fixtures/documents"
mkdir -p "$out" "$docs"
python3 "$here/make_workbook_sources.py" "$out" "$docs"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
lo() { libreoffice -env:UserInstallation=file://"$profile" --headless "$@" >/dev/null 2>&1; }
cd "$out"
# CSV import filter: separator, quote, character set, first line (the "CSV:"
# options of LibreOffice; rtl_TextEncoding numbers: UTF-8 = 76, Big5/CP950 = 63 (MS_950), UTF-16 = 65535).
for spec in "incidents.csv:44,34,76,1" "incidents-big5.csv:44,34,63,1" \
            "incidents-utf16.tsv:9,34,65535,1" "mailboxes.csv:44,34,76,1" \
            "schools.csv:44,34,76,1" "people.csv:44,34,76,1" "drills.csv:44,34,76,1" \
            "mailboxes-serial.csv:44,34,76,1" "drills-serial.csv:44,34,76,1" \
            "families.csv:44,34,76,1"; do
  src=${spec%%:*}; opt=${spec#*:}
  for fmt in "xlsx:Calc MS Excel 2007 XML" "xls:MS Excel 97" "ods:calc8"; do
    lo --infilter="CSV:$opt" --convert-to "$fmt" "$src"
  done
done
# Two sheets (the incidents second): flat ODS written by hand, saved by Calc.
for fmt in "xlsx:Calc MS Excel 2007 XML" "xls:MS Excel 97" "ods:calc8"; do
  lo --convert-to "$fmt" two-sheets.fods
done
rm -f two-sheets.fods
# Password-protected workbooks (password "secret"): LibreOffice saves the seed
# incidents as encrypted xls and ods through a Basic macro (storeToURL with a
# Password), and msoffcrypto-tool (PyPI, MIT; Calc's OOXML export takes no
# password through its API) encrypts the xlsx as Excel does (ECMA-376 agile).
lo --terminate_after_init
cat > "$profile/user/basic/Standard/Module1.xba" <<MACRO
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Encrypt
 Dim args(0) As New com.sun.star.beans.PropertyValue
 args(0).Name = &quot;Hidden&quot; : args(0).Value = True
 doc = StarDesktop.loadComponentFromURL(ConvertToURL(&quot;$out/incidents.xlsx&quot;), &quot;_blank&quot;, 0, args())
 Dim props(1) As New com.sun.star.beans.PropertyValue
 props(0).Name = &quot;FilterName&quot; : props(0).Value = &quot;MS Excel 97&quot;
 props(1).Name = &quot;Password&quot; : props(1).Value = &quot;secret&quot;
 doc.storeToURL(ConvertToURL(&quot;$out/incidents-password.xls&quot;), props())
 props(0).Value = &quot;calc8&quot;
 doc.storeToURL(ConvertToURL(&quot;$out/incidents-password.ods&quot;), props())
 doc.close(True)
End Sub
</script:module>
MACRO
lo 'vnd.sun.star.script:Standard.Module1.Encrypt?language=Basic&location=application'
venv=$(mktemp -d)
python3 -m venv "$venv" && "$venv/bin/pip" install -q msoffcrypto-tool==6.1.0
"$venv/bin/msoffcrypto-tool" -e -p secret incidents.xlsx incidents-password.xlsx
rm -rf "$venv"
cd "$docs"
for src in minutes.html roster.txt; do
  for fmt in docx:"MS Word 2007 XML" odt:writer8 pdf:writer_pdf_Export; do
    lo --convert-to "$fmt" "$src"
  done
done
for fmt in "xlsx:Calc MS Excel 2007 XML" "xls:MS Excel 97" "ods:calc8"; do
  lo --infilter="CSV:44,34,76,1" --convert-to "$fmt" awards.csv
done
ls -l "$out" "$docs"
