/**
 * .xlsx → Grid[] for checking, over the bounded streaming reader (xlsxReader.ts). No Node APIs here:
 * the standalone web page bundles this module.
 */
import type { Grid } from '../../core/grid';
import { type ReadLimits, readGridsFromXlsx } from './xlsxReader';

export {
  DEFAULT_READ_LIMITS,
  FILE_READ_MESSAGES,
  FileReadError,
  type FileReadErrorCode,
  type ReadLimits,
  type ReadResult,
  checkSignature,
  displayText,
  readGridsFromXlsx,
} from './xlsxReader';

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Reads every worksheet of an .xlsx file (bytes) into grids. Throws FileReadError with a zh-CN message. */
export async function readGridsFromBuffer(data: ArrayBuffer | Uint8Array, limits?: Partial<ReadLimits>): Promise<Grid[]> {
  return readGridsFromXlsx(toBytes(data), limits).grids;
}
