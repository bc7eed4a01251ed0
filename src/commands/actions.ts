/**
 * Host-agnostic orchestration behind the ribbon buttons (Excel and WPS) and reusable by the pane:
 * read → validate → mark → one zh-CN sentence for the user.
 */
import type { Finding, Severity } from '../core/findings';
import { countBySeverity } from '../core/findings';
import type { Host, Scope } from '../core/host';
import { type Settings, withDefaults } from '../core/settings';
import { validateGrids } from '../core/validate';
import { ignoreKey, loadIgnored, loadSavedSettings } from '../core/workbookState';

/** Optional extra a host may expose about how its last marking went (ExcelHost does). */
interface MarkStatusSource {
  lastMarkStatus?: { annotations: 'note' | 'comment' | 'none'; markedCells: number; keptUserNotes: number; missingApis?: string[] };
}

export interface ValidationSummary {
  tables: number;
  counts: Record<Severity, number>;
  /** Findings that were marked (ignored ones excluded). */
  findings: Finding[];
  ignored: number;
  markedCells?: number;
  /** zh-CN summary, ready to show. */
  message: string;
}

export async function runValidation(
  host: Host,
  settings?: Partial<Settings>,
  scope: Scope = 'workbook',
): Promise<ValidationSummary> {
  const grids = await host.readGrids(scope);
  // Read after the grids: the Excel host fetched these keys in the same round trip.
  const saved = settings ?? (await loadSavedSettings(host));
  const ignored = await loadIgnored(host);
  const { parsed, findings } = validateGrids(grids, withDefaults(saved));
  const shown = findings.filter((f) => !ignored.has(ignoreKey(f)));
  await host.applyMarks(shown);
  const status = (host as Host & MarkStatusSource).lastMarkStatus;
  const counts = countBySeverity(shown);
  return {
    tables: parsed.tables.length,
    counts,
    findings: shown,
    ignored: findings.length - shown.length,
    ...(status ? { markedCells: status.markedCells } : {}),
    message: summaryMessage(parsed.tables.length, counts, findings.length - shown.length, status),
  };
}

export function summaryMessage(
  tables: number,
  counts: Record<Severity, number>,
  ignored = 0,
  status?: MarkStatusSource['lastMarkStatus'],
): string {
  if (tables === 0) {
    return '未在工作簿中识别出绩效目标表。请确认表中有“项目名称”“一级指标”“二级指标”“三级指标”等栏目，或点击“打开助手”查看说明。';
  }
  const parts = [`校验完成：${tables} 张表，错误 ${counts.error} 个、警告 ${counts.warning} 个、提示 ${counts.info} 个。`];
  if (counts.error + counts.warning + counts.info === 0) parts.push('未发现问题。');
  else parts.push('问题单元格已按严重程度着色（红色为错误、黄色为警告、蓝色为提示），说明见单元格批注；点击“清除标记”可恢复原样。');
  if (ignored > 0) parts.push(`另有 ${ignored} 个已忽略的问题未标注。`);
  if (status?.missingApis?.length) {
    parts.push(
      `加载项使用的 office.js 版本较旧，缺少当前 Excel 已支持的功能：${status.missingApis.join('、')}；已改用旧方式处理。请联系管理员按部署说明更新 office.js。`,
    );
  }
  if (status?.annotations === 'none' && counts.error + counts.warning + counts.info > 0) {
    parts.push(
      status.missingApis?.length
        ? '因此本次只标注了底色，未写入批注；详细说明请点击“打开助手”查看。'
        : '当前 Excel 版本不支持以批注方式写入说明，只标注了底色；详细说明请点击“打开助手”查看。',
    );
  }
  if (status && status.keptUserNotes > 0) {
    parts.push(`${status.keptUserNotes} 个单元格原有批注，未覆盖，其说明请在助手中查看。`);
  }
  return parts.join('');
}

export async function runClear(host: Host): Promise<string> {
  await host.clearMarks();
  return '已清除标记：单元格底色已恢复，助手添加的批注已删除，单元格内容未作任何改动。';
}

/** A failure, phrased for the user. */
export function describeFailure(action: string, err: unknown): string {
  const detail = err instanceof Error && err.message ? err.message : typeof err === 'string' ? err : '未知错误';
  return `${action}未完成：${detail}`;
}
