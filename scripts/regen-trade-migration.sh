#!/usr/bin/env bash
# Issue 6 development only: regenerates drizzle/0013_trade.sql from the current *.tables.ts files.
# Serialised with flock so two helpers never run drizzle-kit at once.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/lumbung-migration.lock
flock 9
rm -f drizzle/0013_*.sql drizzle/meta/0013_snapshot.json
node -e '
const fs=require("fs");const p="drizzle/meta/_journal.json";const j=JSON.parse(fs.readFileSync(p,"utf8"));
j.entries=j.entries.filter(e=>e.idx<13);fs.writeFileSync(p,JSON.stringify(j,null,2)+"\n");'
npx drizzle-kit generate --name trade
