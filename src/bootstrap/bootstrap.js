/*
 * 绩效目标表助手 — runtime check before the app bundle (every add-in page: task pane, ribbon commands, dialog,
 * WPS pages). Hand-written ES5 on purpose: it must parse in Internet Explorer 11 (Trident), the add-in runtime
 * of Excel 2016/2019 volume-licensed, and in EdgeHTML, where our React 18 / Fluent UI bundles cannot run.
 * The build inlines this file and a call jixiaoBoot({...}) in place of the page's bundle <script> tags
 * (webpack.bootstrap.js); test/bootstrap checks it parses as ES5 and behaves in a Trident-like page.
 *
 * Supported engine: the bundles are written (parser-blocking, in order, as the original tags were).
 * Unsupported: nothing of the app is loaded; the page explains in zh-CN and names the alternatives. The
 * invisible pages still answer: ribbon commands show the explanation in a dialog and call event.completed();
 * the WPS hidden page defines window.ribbon callbacks that show it in an alert.
 */
(function (win) {
  'use strict';

  var doc = win.document;

  /** Syntax the bundles use, by their declared ECMAScript level. Compiled, never run. */
  var SYNTAX = {
    2017: 'async function f(a,){await a;return 2**a}',
    2020: 'async function f(a,){await a;var o={b:{c:1}};return (o?.b?.c ?? 0)+2**a+[...[1]].length+{...o}.b.c}'
  };

  function hasMethod(obj, name) {
    return !!obj && typeof obj[name] === 'function';
  }

  /** Built-in functions the bundles call (syntax checks cannot see these). */
  function missingBuiltins(level) {
    var missing = [];
    var checks = [
      ['Promise', typeof win.Promise === 'function' && hasMethod(win.Promise.prototype, 'finally')],
      ['Map/Set/WeakMap', typeof win.Map === 'function' && typeof win.Set === 'function' && typeof win.WeakMap === 'function'],
      ['Symbol', typeof win.Symbol === 'function'],
      ['Object.assign/entries/values/fromEntries', hasMethod(Object, 'assign') && hasMethod(Object, 'entries') && hasMethod(Object, 'values') && hasMethod(Object, 'fromEntries')],
      ['Array.from/includes/flat/flatMap', hasMethod(Array, 'from') && hasMethod(Array.prototype, 'includes') && hasMethod(Array.prototype, 'flat') && hasMethod(Array.prototype, 'flatMap')],
      ['String.padStart', hasMethod(String.prototype, 'padStart')],
      ['URL', typeof win.URL === 'function' && typeof win.URLSearchParams === 'function']
    ];
    if (level >= 2020) {
      checks.push(['globalThis', typeof win.globalThis !== 'undefined']);
      checks.push(['Promise.allSettled', typeof win.Promise === 'function' && hasMethod(win.Promise, 'allSettled')]);
    }
    for (var i = 0; i < checks.length; i++) if (!checks[i][1]) missing.push(checks[i][0]);
    return missing;
  }

  function syntaxOk(level) {
    try {
      new Function(SYNTAX[level >= 2020 ? 2020 : 2017]);
      return true;
    } catch (e) {
      // A content security policy that forbids eval says nothing about the engine: rely on the other checks.
      return !(e && e.name === 'SyntaxError');
    }
  }

  /** null when the engine can run the bundles; otherwise a zh-CN description of what it is. */
  function engineProblem(ua, level, minChromium) {
    if (/Trident\/|MSIE /.test(ua)) return 'Internet Explorer 11 内核（Excel 2016/2019 批量授权版等旧版 Office 使用）';
    if (/\bEdge\/\d+/.test(ua)) return '旧版 Microsoft Edge（EdgeHTML）内核';
    var m = /\bChrom(?:e|ium)\/(\d+)/.exec(ua);
    if (m && minChromium && +m[1] < minChromium) return '版本过旧的浏览器内核（Chromium ' + m[1] + '，至少需要 ' + minChromium + '）';
    if (!syntaxOk(level)) return '不支持所需 JavaScript 语法的浏览器内核';
    var missing = missingBuiltins(level);
    if (missing.length) return '缺少所需 JavaScript 功能（' + missing.join('、') + '）的浏览器内核';
    return null;
  }

  function explanation(problem, wps) {
    var title = '绩效目标表助手无法在当前版本中运行';
    var lead = wps
      ? '当前 WPS 使用的是' + problem + '，无法运行本助手。'
      : '当前 Excel 加载项使用的是' + problem + '，无法运行本助手。';
    var ways = wps
      ? [
          '将 WPS Office 升级到较新版本后重新打开 WPS 表格；',
          '使用“绩效目标表助手”独立网页版：在浏览器（Chrome、Edge、Firefox 或国产浏览器的极速模式）中打开网页，选择 .xlsx 文件即可校验，不需要安装；',
          '在 Microsoft 365 或 Excel 2021 及以上版本（Windows 需安装 Microsoft Edge WebView2 运行时）中使用 Excel 加载项。'
        ]
      : [
          '在 WPS 表格中使用“绩效目标表助手”WPS 加载项（信创电脑和未升级 Office 的电脑推荐）；',
          '使用“绩效目标表助手”独立网页版：在浏览器（Chrome、Edge、Firefox 或国产浏览器的极速模式）中打开网页，选择 .xlsx 文件即可校验，不需要安装；',
          '升级到 Microsoft 365 或 Excel 2021 及以上版本（Windows 需安装 Microsoft Edge WebView2 运行时）。'
        ];
    return { title: title, lead: lead, ways: ways };
  }

  function plainText(x) {
    var lines = [x.lead, '', '可以改用：'];
    for (var i = 0; i < x.ways.length; i++) lines.push(i + 1 + '. ' + x.ways[i]);
    return lines.join('\n');
  }

  function whenReady(fn) {
    if (doc.readyState !== 'loading') fn();
    else if (doc.addEventListener) doc.addEventListener('DOMContentLoaded', fn, false);
    else win.attachEvent('onload', fn);
  }

  function el(tag, text, style) {
    var node = doc.createElement(tag);
    if (text) node.appendChild(doc.createTextNode(text));
    if (style) node.style.cssText = style;
    return node;
  }

  /** Replaces the page with the explanation (visible pages). */
  function render(x) {
    whenReady(function () {
      var body = doc.body;
      while (body.firstChild) body.removeChild(body.firstChild);
      var box = el('div', '', 'margin:16px;font:14px/1.6 "Microsoft YaHei UI","Microsoft YaHei",SimSun,sans-serif;color:#242424');
      box.setAttribute('role', 'alert');
      box.id = 'jixiao-unsupported';
      box.appendChild(el('h1', x.title, 'font-size:16px;margin:0 0 8px'));
      box.appendChild(el('p', x.lead, 'margin:0 0 8px'));
      box.appendChild(el('p', '可以改用：', 'margin:0 0 4px'));
      var list = el('ol', '', 'margin:0;padding-left:20px');
      for (var i = 0; i < x.ways.length; i++) list.appendChild(el('li', x.ways[i]));
      box.appendChild(list);
      body.appendChild(box);
      doc.title = x.title;
    });
  }

  /** Ribbon function file: answer each button with the explanation in a dialog, always completing the event. */
  function answerCommands(x, names) {
    var office = win.Office;
    var handler = function (event) {
      try {
        var url = win.location.href.replace(/[^/]*([?#].*)?$/, '') + 'dialog.html?t=' + encodeURIComponent(x.title) + '&m=' + encodeURIComponent(plainText(x));
        office.context.ui.displayDialogAsync(url, { height: 50, width: 40, displayInIframe: true });
      } catch (e) {
        // no dialog on this host: the event still completes below
      }
      try {
        if (event && event.completed) event.completed();
      } catch (e2) {
        // nothing more to do
      }
    };
    for (var i = 0; i < names.length; i++) {
      win[names[i]] = handler;
      try {
        if (office && office.actions && office.actions.associate) office.actions.associate(names[i], handler);
      } catch (e3) {
        // older hosts look the function up on the global object (set above)
      }
    }
    // Office.js waits for initialize on hosts of this age.
    if (office && !office.initialize) office.initialize = function () {};
  }

  /** WPS hidden page: ribbon callbacks that explain instead of working. */
  function answerRibbon(x) {
    var say = function () {
      try {
        win.alert(x.title + '\n\n' + plainText(x));
      } catch (e) {
        // no alert: nothing else to show
      }
      return true;
    };
    win.ribbon = {
      OnAddinLoad: function () {
        return true;
      },
      OnAction: say,
      GetImage: function () {
        return 'images/icon-32.png';
      },
      OnGetEnabled: function () {
        return true;
      },
      OnGetVisible: function () {
        return true;
      }
    };
  }

  function load(scripts) {
    if (doc.readyState === 'loading') {
      // Parser-blocking and in order, like the <script> tags this replaces (the WPS ribbon callbacks must exist
      // early); one write keeps the order.
      var html = '';
      for (var i = 0; i < scripts.length; i++) html += '<script src="' + scripts[i].replace(/"/g, '&quot;') + '"></scr' + 'ipt>';
      doc.write(html);
      return;
    }
    for (var j = 0; j < scripts.length; j++) {
      var s = doc.createElement('script');
      s.src = scripts[j];
      s.async = false;
      (doc.head || doc.documentElement).appendChild(s);
    }
  }

  /**
   * config: { page: 'taskpane'|'dialog'|'commands'|'wps-main'|'wps-taskpane', level: 2017|2020,
   *           minChromium?: number, scripts: string[], commands?: string[] }
   */
  win.jixiaoBoot = function (config) {
    var ua = (win.navigator && win.navigator.userAgent) || '';
    var problem = engineProblem(ua, config.level, config.minChromium);
    win.jixiaoRuntime = { supported: !problem, problem: problem };
    if (!problem) {
      load(config.scripts || []);
      return true;
    }
    var wps = config.page.indexOf('wps') === 0;
    var x = explanation(problem, wps);
    if (config.page === 'commands') answerCommands(x, config.commands || []);
    else if (config.page === 'wps-main') answerRibbon(x);
    else render(x);
    return false;
  };
})(window);
