/**
 * The batch report as one self-contained HTML file: inline CSS, inline SVG charts, a few lines of inline
 * script for sorting and filtering the table list, and a Content-Security-Policy that forbids every
 * outside request. Works from file://, prints on A4.
 */
import type { Severity } from '../../core/findings';
import { CRITERIA, SEVERITY_LABEL } from '../../core/findings';
import { CRITERION_POINTS, SCORING_TEXT } from '../../core/score';
import { type Chart, SEVERITY_COLOR } from './charts';
import type { BatchSummary, TableRow } from './summary';

/** Above this many findings in a batch the page lists only each table's "先改这些" (the page stays openable). */
export const DETAIL_LIMIT = 20000;

/**
 * Above this many tables the page shows the "先改这些" of the CARD_LIMIT lowest-scoring tables only, so a
 * batch of thousands of workbooks still gives a page a browser opens; every table's list is in 汇总.xlsx.
 */
export const CARD_LIMIT = 1000;

/** Keys of the tables whose card the page shows. */
function cardedKeys(tables: readonly TableRow[]): Set<string> {
  if (tables.length <= CARD_LIMIT) return new Set(tables.map((t) => t.key));
  const order = tables.map((t, i) => ({ t, i })).sort((a, b) => a.t.score.total - b.t.score.total || a.i - b.i);
  return new Set(order.slice(0, CARD_LIMIT).map((o) => o.t.key));
}

export interface HtmlOptions {
  /** Link from the page to an annotated copy (relative URL), or null when there is none. */
  linkFor(annotated: string | null): string | null;
  /** What the user asked to check, for the heading. */
  inputs: readonly string[];
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export const fmtWan = (n: number | null): string =>
  n === null ? '' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function fmtDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const CSS = `
:root{--err:${SEVERITY_COLOR.error};--warn:${SEVERITY_COLOR.warning};--info:${SEVERITY_COLOR.info};--ink:#1f2328;--mute:#5b636e;--line:#d5d9de;--head:#8c1c13}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC","SimSun",sans-serif;color:var(--ink);background:#f4f5f7}
main{max-width:1060px;margin:0 auto;padding:24px 28px 48px;background:#fff}
h1{font-size:24px;margin:0 0 4px;color:var(--head)}
h2{font-size:18px;margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--head)}
h3{font-size:15px;margin:20px 0 6px}
.meta{color:var(--mute);margin:0 0 16px}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:12px 0}
.kpi{border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.kpi b{display:block;font-size:22px;line-height:1.3}
.kpi span{color:var(--mute);font-size:13px}
.kpi.err b{color:var(--err)}.kpi.warn b{color:var(--warn)}.kpi.info b{color:var(--info)}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f0f1f3;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
thead th[data-sort]{cursor:pointer}
thead th[aria-sort=ascending]::after{content:" ▲"}thead th[aria-sort=descending]::after{content:" ▼"}
.sev-error{color:var(--err);font-weight:bold}.sev-warning{color:var(--warn);font-weight:bold}.sev-info{color:var(--info)}
.grade{display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;color:#fff;font-size:12px}
.g-优{background:#2e7d32}.g-良{background:#6a9f2a}.g-中{background:#d98a00}.g-差{background:#c4262e}
figure{margin:16px 0;break-inside:avoid;page-break-inside:avoid}
figcaption{font-weight:bold;margin-bottom:4px}
figure svg{width:100%;height:auto;display:block}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0}
.filters input[type=search]{width:16em;padding:3px 6px}
.table-card{border-top:1px solid var(--line);padding-top:4px;break-inside:avoid-page}
.table-card p{margin:2px 0}
ol.fix{margin:4px 0 4px 1.4em;padding:0}
ol.fix li{margin:2px 0}
.cells{color:var(--mute);font-size:12px}
details summary{cursor:pointer;color:var(--mute)}
ul.all{margin:4px 0 4px 1.2em;padding:0;font-size:13px}
.muted{color:var(--mute)}
.scoring li{margin:2px 0}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{background:#fff;font-size:11pt}
  main{max-width:none;padding:0}
  .filters,.no-print{display:none!important}
  h2{break-after:avoid;page-break-after:avoid}
  thead{display:table-header-group}
  tr{break-inside:avoid;page-break-inside:avoid}
  a{color:inherit;text-decoration:none}
  details>*{display:block}
}
`;

/** Sorting by a column (numbers by data-v), filtering by text, unit, grade and "errors only". */
const SCRIPT = `
(function(){
var table=document.getElementById('tables');if(!table)return;
var body=table.tBodies[0],rows=[].slice.call(body.rows);
var q=document.getElementById('f-text'),u=document.getElementById('f-unit'),g=document.getElementById('f-grade'),e=document.getElementById('f-errors'),shown=document.getElementById('f-count');
function apply(){var t=q.value.trim().toLowerCase(),n=0;rows.forEach(function(r){var ok=(!t||r.textContent.toLowerCase().indexOf(t)>=0)&&(!u.value||r.getAttribute('data-unit')===u.value)&&(!g.value||r.getAttribute('data-grade')===g.value)&&(!e.checked||+r.getAttribute('data-errors')>0);r.hidden=!ok;if(ok)n++;});shown.textContent=n;}
[q,u,g,e].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
[].slice.call(table.tHead.rows[0].cells).forEach(function(th,i){if(!th.hasAttribute('data-sort'))return;th.tabIndex=0;
function sort(){var asc=th.getAttribute('aria-sort')!=='ascending',num=th.getAttribute('data-sort')==='n';
[].forEach.call(table.tHead.rows[0].cells,function(c){c.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');
rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-v')||a.cells[i].textContent,y=b.cells[i].getAttribute('data-v')||b.cells[i].textContent;
var d=num?(parseFloat(x)||0)-(parseFloat(y)||0):x.localeCompare(y,'zh-CN');return asc?d:-d;});rows.forEach(function(r){body.appendChild(r);});}
th.addEventListener('click',sort);th.addEventListener('keydown',function(ev){if(ev.key==='Enter'||ev.key===' '){ev.preventDefault();sort();}});});
apply();
})();
`;

function kpi(value: string | number, label: string, cls = ''): string {
  return `<div class="kpi ${cls}"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
}

const gradeBadge = (g: string): string => `<span class="grade g-${esc(g)}">${esc(g)}</span>`;

function tableList(s: BatchSummary, opts: HtmlOptions, carded: Set<string>): string {
  const units = [...new Set(s.tables.map((t) => t.unit))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const rows = s.tables.map((t) => {
    const link = opts.linkFor(t.annotated);
    const card = carded.has(t.key);
    return (
      `<tr data-unit="${esc(t.unit)}" data-grade="${esc(t.score.grade)}" data-errors="${t.counts.error}">` +
      `<td>${esc(t.unit)}</td>` +
      `<td>${card ? `<a href="#${t.key}">${esc(t.project)}</a>` : esc(t.project)}</td>` +
      `<td class="n" data-v="${t.budgetWan ?? ''}">${t.budgetWan === null ? esc(t.budgetText ?? '') : fmtWan(t.budgetWan)}</td>` +
      `<td class="n" data-v="${t.score.total}">${t.score.total}</td>` +
      `<td>${gradeBadge(t.score.grade)}</td>` +
      SEVERITIES.map((sv) => `<td class="n" data-v="${t.counts[sv]}">${t.counts[sv]}</td>`).join('') +
      `<td>${link ? `<a href="${esc(link)}">标注副本</a>` : '<span class="muted">无</span>'} · ${card ? `<a href="#${t.key}">问题</a>` : '<span class="muted">问题见汇总表</span>'}</td>` +
      '</tr>'
    );
  });
  return `
<div class="filters no-print" role="search">
  <label>查找 <input type="search" id="f-text" placeholder="单位、项目名称……"></label>
  <label>单位 <select id="f-unit"><option value="">全部</option>${units.map((u) => `<option>${esc(u)}</option>`).join('')}</select></label>
  <label>等级 <select id="f-grade"><option value="">全部</option>${['优', '良', '中', '差'].map((g) => `<option>${g}</option>`).join('')}</select></label>
  <label><input type="checkbox" id="f-errors"> 只看有错误的表</label>
  <span>显示 <b id="f-count">${s.tables.length}</b> / ${s.tables.length} 张表</span>
</div>
<table id="tables">
<thead><tr><th data-sort="t">单位</th><th data-sort="t">项目名称</th><th class="n" data-sort="n">预算（万元）</th><th class="n" data-sort="n">得分</th><th data-sort="t">等级</th><th class="n" data-sort="n">错误</th><th class="n" data-sort="n">警告</th><th class="n" data-sort="n">提示</th><th>查看</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function tableCard(t: TableRow, opts: HtmlOptions, details: boolean): string {
  const link = opts.linkFor(t.annotated);
  const crit = CRITERIA.map((c) => `${c} ${t.score.byCriterion[c]}/${CRITERION_POINTS}`).join(' · ');
  const fix = t.fixFirst.length
    ? `<ol class="fix">${t.fixFirst
        .map(
          (f) =>
            `<li><span class="sev-${f.severity}">【${SEVERITY_LABEL[f.severity]}】${esc(f.title)}</span>${f.count > 1 ? `（${f.count} 处）` : ''}：${esc(f.message)}` +
            ` <span class="cells">${esc(f.cells.join('、'))}${f.count > f.cells.length ? ' 等' : ''}</span></li>`,
        )
        .join('')}</ol>`
    : '<p class="muted">没有错误或警告。</p>';
  const all = details && t.findings.length
    ? `<details><summary>全部问题（${t.findings.length} 条）</summary><ul class="all">${t.findings
        .map((f) => `<li><span class="sev-${f.severity}">【${SEVERITY_LABEL[f.severity]}】</span>${esc(f.cell)}：${esc(f.message)}</li>`)
        .join('')}</ul></details>`
    : '';
  return `<section class="table-card" id="${t.key}">
<h3>${esc(t.project)} ${gradeBadge(t.score.grade)} <span class="muted">${t.score.total} 分</span></h3>
<p class="muted">${esc(t.unit)}${t.code ? ` · 项目编码 ${esc(t.code)}` : ''}${t.budgetWan !== null ? ` · 预算 ${fmtWan(t.budgetWan)} 万元` : ''} · ${esc(t.file)} ${esc(t.address)}${link ? ` · <a href="${esc(link)}">打开标注副本</a>` : ''}</p>
<p class="muted">各方面得分：${esc(crit)}；错误 ${t.counts.error}，警告 ${t.counts.warning}，提示 ${t.counts.info}</p>
<p><b>先改这些：</b></p>${fix}${all}
</section>`;
}

/** The data the page shows, for tools and tests: totals and per-file and per-table counts. */
function embeddedData(s: BatchSummary): string {
  const data = {
    generatedAt: s.generatedAt,
    totals: s.totals,
    files: s.files.map((f) => ({ file: f.file, tables: f.tables, counts: f.counts, error: f.error ?? null })),
    tables: s.tables.map((t) => ({ key: t.key, file: t.file, unit: t.unit, project: t.project, score: t.score.total, counts: t.counts })),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function renderHtml(s: BatchSummary, charts: readonly Chart[], opts: HtmlOptions): string {
  const t = s.totals;
  const unreadable = s.files.filter((f) => f.error);
  const details = s.details;
  const carded = cardedKeys(s.tables);
  const capped = carded.size < s.tables.length;
  const critCells = CRITERIA.map((c) => `<td class="n">${t.criterion[c]}</td>`).join('');
  const unitRows = s.units
    .map(
      (u) =>
        `<tr><td>${esc(u.name)}</td><td class="n">${u.workbooks}</td><td class="n">${u.tables}</td><td class="n">${fmtWan(u.budgetWan)}</td>` +
        `<td class="n">${u.meanScore ?? ''}</td>${SEVERITIES.map((sv) => `<td class="n">${u.counts[sv]}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>项目支出绩效目标表审核报告</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>项目支出绩效目标表审核报告</h1>
<p class="meta">生成时间：${esc(fmtDate(s.generatedAt))} · 检查范围：${esc(opts.inputs.join('、'))} · 由绩效目标表助手生成</p>

<h2 id="overview">一、概况</h2>
<div class="kpis" id="kpis">
${kpi(t.units, '单位')}
${kpi(t.workbooks, unreadable.length ? `工作簿（${unreadable.length} 个无法读取）` : '工作簿')}
${kpi(t.tables, '绩效目标表')}
${kpi(fmtWan(t.budgetWan), '预算合计（万元）')}
${kpi(t.severity.error, '错误', 'err')}
${kpi(t.severity.warning, '警告', 'warn')}
${kpi(t.severity.info, '提示', 'info')}
${kpi(t.meanScore ?? '—', '平均得分')}
</div>
<table id="totals">
<thead><tr><th>等级分布</th><th class="n">优</th><th class="n">良</th><th class="n">中</th><th class="n">差</th><th>问题按评审标准</th>${CRITERIA.map((c) => `<th class="n">${c}</th>`).join('')}</tr></thead>
<tbody><tr><td>表数</td>${(['优', '良', '中', '差'] as const).map((g) => `<td class="n" data-grade="${g}">${t.grades[g]}</td>`).join('')}<td>问题数</td>${critCells}</tr></tbody>
</table>

<h3>评分方法</h3>
<ul class="scoring">${SCORING_TEXT.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>

<h2 id="charts">二、图表</h2>
${charts.map((c) => `<figure id="${c.id}"><figcaption>${esc(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}

<h2 id="units">三、各单位情况</h2>
<table id="unit-table">
<thead><tr><th>单位</th><th class="n">工作簿</th><th class="n">表数</th><th class="n">预算（万元）</th><th class="n">平均得分</th><th class="n">错误</th><th class="n">警告</th><th class="n">提示</th></tr></thead>
<tbody>
${unitRows}
</tbody>
</table>

<h2 id="list">四、全部绩效目标表</h2>
${tableList(s, opts, carded)}

${
  unreadable.length
    ? `<h2 id="unreadable">五、无法读取的文件</h2>
<table id="unreadable-table"><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>
${unreadable.map((f) => `<tr><td>${esc(f.file)}</td><td>${esc(f.error)}</td></tr>`).join('\n')}
</tbody></table>`
    : ''
}

<h2 id="details">${unreadable.length ? '六' : '五'}、各表先改这些</h2>
<p class="muted">每张表按问题的严重程度和涉及的单元格数排序，列出最应先改的几项；${
  details
    ? '展开“全部问题”可看逐格意见。'
    : `本批共 ${t.findings} 条意见，超过 ${DETAIL_LIMIT} 条，报告中只列“先改这些”，逐格意见请看各表的标注副本或用 jixiao check 查看。`
}${
  capped
    ? `本批共 ${s.tables.length} 张表，这里只列得分最低的 ${CARD_LIMIT} 张；其余各表的“先改这些”见汇总表（.xlsx）的“先改这些”列和各表标注副本中的“汇总”工作表。`
    : ''
}</p>
${s.tables
  .filter((row) => carded.has(row.key))
  .map((row) => tableCard(row, opts, details))
  .join('\n')}
</main>
<script type="application/json" id="report-data">${embeddedData(s)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
