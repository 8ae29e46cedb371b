#!/usr/bin/env bash
# Rebuilds src/main/resources/static/krds/ from the npm package krds-uiux (KRDS, the Korea Design System):
# only the KRDS parts our pages use (tools/krds/kc-krds.scss), the icons that CSS refers to, the tokens and fonts.
# Needs node/npm (build time only; the app serves the result itself, no CDN). Run from the repository root.
set -euo pipefail
KRDS_VERSION=1.1.0
SASS_VERSION=1.77.8
work=target/krds-uiux
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && npm pack "krds-uiux@$KRDS_VERSION" >/dev/null && tar xzf "krds-uiux-$KRDS_VERSION.tgz")
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund "sass@$SASS_VERSION" >/dev/null)
out=src/main/resources/static/krds
pkg="$work/package/resources"
"$work/node_modules/.bin/sass" --no-source-map --style=compressed --quiet tools/krds/kc-krds.scss "$out/css/krds.css"
cp "$pkg/css/token/krds_tokens.css" "$out/css/krds_tokens.css"
cp "$pkg"/fonts/PretendardGOV-{Regular,Medium,Bold}.subset.woff2 "$out/fonts/"
rm -rf "$out/img" && mkdir -p "$out/img/component/icon"
for icon in $(grep -o 'url(\.\./img/component/icon/[^)]*)' "$out/css/krds.css" | sort -u | sed 's#url(\.\./##;s#)##'); do
  cp "$pkg/$icon" "$out/$icon"
done
echo "KRDS assets rebuilt in $out"
