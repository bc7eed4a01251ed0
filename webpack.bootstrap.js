/**
 * Puts the ES5 runtime check (src/bootstrap/bootstrap.js) in front of every add-in page's bundles: the
 * page's bundle <script> tags are replaced by one inline script that checks the engine and only then writes
 * the same tags (in order, parser-blocking). On Internet Explorer 11 / EdgeHTML / too old a Chromium the
 * bundles are never loaded and the page explains in zh-CN what to use instead.
 *
 *   new BootstrapPlugin({ pages: { 'taskpane.html': { page: 'taskpane', level: 2020, minChromium: 80 } } })
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const SOURCE = path.join(__dirname, 'src', 'bootstrap', 'bootstrap.js');

class BootstrapPlugin {
  /** @param {{ pages: Record<string, { page: string, level: number, minChromium?: number, commands?: string[] }> }} options */
  constructor(options) {
    this.pages = options.pages;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('BootstrapPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('BootstrapPlugin', (data) => {
        const page = this.pages[data.outputName];
        if (!page) return data;
        const source = fs.readFileSync(SOURCE, 'utf8');
        const scripts = [];
        const isBundle = (tag) => tag.tagName === 'script' && tag.attributes && typeof tag.attributes.src === 'string';
        let placed = false;
        const replace = (tags) =>
          tags.flatMap((tag) => {
            if (!isBundle(tag)) return [tag];
            scripts.push(tag.attributes.src);
            if (placed) return [];
            placed = true;
            return [{ tagName: 'script', voidTag: false, meta: { plugin: 'BootstrapPlugin' }, attributes: {}, innerHTML: '' }];
          });
        data.headTags = replace(data.headTags);
        data.bodyTags = replace(data.bodyTags);
        const config = JSON.stringify({ ...page, scripts }).replace(/</g, '\\u003c');
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          if (tag.meta && tag.meta.plugin === 'BootstrapPlugin') tag.innerHTML = `\n${source}\njixiaoBoot(${config});\n`;
        }
        return data;
      });
    });
  }
}

module.exports = { BootstrapPlugin, BOOTSTRAP_SOURCE: SOURCE };
