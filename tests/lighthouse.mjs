// Runs Lighthouse (pinned in package.json) on each URL in one Debian Chromium; writes {url: result} as JSON.
// Usage: node tests/lighthouse.mjs OUT.json CATEGORIES URL... (CATEGORIES: comma-separated Lighthouse ids)
import fs from "node:fs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [, , outFile, categories, ...urls] = process.argv;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = {};
try {
  for (const url of urls) {
    const run = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories.split(","),
      formFactor: "mobile", screenEmulation: undefined,
    });
    const lhr = run.lhr;
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode))
      .map((a) => ({ id: a.id, score: a.score, title: a.title,
        items: (a.details?.items || []).slice(0, 3).map((i) => i.node?.snippet || i.sourceLocation?.url || i.url || i.description || "") }));
    results[url] = {
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score])),
      failing,
      runtimeError: lhr.runtimeError?.message ?? null,
    };
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(outFile, JSON.stringify(results, null, 1));
