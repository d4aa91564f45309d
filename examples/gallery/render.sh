#!/usr/bin/env bash
# Renders the README's gallery: page 1 of each layout and document at
# 60 dpi, from the built-in example and the packet example, and page 1 of
# the Word file as LibreOffice shows it, and the web page as Chromium
# shows it on a desktop and a phone. Needs poppler-utils, LibreOffice
# (Debian's libreoffice-writer-nogui) and Chromium; run from the
# repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
cargo build --release -q
resume="$PWD/target/release/resume"
packet="$PWD/examples/packet/resume.toml"
out="$PWD/examples/gallery"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
page() { pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$1" "$out/$2"; }
for lang in ko en; do
  for layout in classic compact international; do
    "$resume" pdf --lang "$lang" --layout "$layout" -o "$layout-$lang.pdf" 2>/dev/null
    page "$layout-$lang.pdf" "$layout-$lang"
  done
done
"$resume" pdf --profile one-page -o one-page.pdf 2>/dev/null
page one-page.pdf one-page-en
"$resume" pdf --input "$packet" --document iryeokseo -o iryeokseo.pdf 2>/dev/null
page iryeokseo.pdf iryeokseo-ko
"$resume" pdf --input "$packet" --document letter:lumen -o jasoseo.pdf 2>/dev/null
page jasoseo.pdf jasoseo-ko
"$resume" pdf --input "$packet" --document letter:orbit --lang en -o cover-letter.pdf 2>/dev/null
page cover-letter.pdf cover-letter-en
# The Word file as LibreOffice lays it out, with the embedded fonts.
"$resume" docx --lang ko -o word-ko.docx 2>/dev/null
cat > fonts.conf <<CONF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>$root/fonts</dir><cachedir>$work/fc</cachedir></fontconfig>
CONF
FONTCONFIG_FILE="$work/fonts.conf" HOME="$work" soffice -env:UserInstallation="file://$work/profile" \
  --headless --convert-to pdf word-ko.docx >/dev/null 2>&1
page word-ko.pdf word-ko
# The web page, as Chromium shows it on a desktop and on a phone.
"$resume" html --input "$packet" -o site 2>/dev/null
shot() { chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1" \
  --screenshot="$out/$2.png" "file://$work/site/index.html$3" >/dev/null 2>&1; }
shot 1000,1250 html-ko ""
shot 360,760 html-phone-en "#en"
