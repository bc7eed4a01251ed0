/** The standard indicator template library: one data file per project kind under kinds/. */
import { template as partyBuilding } from './kinds/party-building';
import { template as cadreTraining } from './kinds/cadre-training';
import { template as meeting } from './kinds/meeting';
import { template as talent } from './kinds/talent';
import { template as villageAssistance } from './kinds/village-assistance';
import { template as subsidy } from './kinds/subsidy';
import { template as retiredCadres } from './kinds/retired-cadres';
import { template as publicity } from './kinds/publicity';
import { template as itSystem } from './kinds/it-system';
import { template as equipment } from './kinds/equipment';
import { template as buildingMaintenance } from './kinds/building-maintenance';
import { template as research } from './kinds/research';
import { template as purchasedServices } from './kinds/purchased-services';
import { template as inspection } from './kinds/inspection';
import { template as operations } from './kinds/operations';
import { template as grassroots } from './kinds/grassroots';
import { template as archives } from './kinds/archives';
import { template as construction } from './kinds/construction';
import type { ProjectTemplate } from './types';

export const TEMPLATES: readonly ProjectTemplate[] = [
  partyBuilding,
  cadreTraining,
  meeting,
  talent,
  villageAssistance,
  subsidy,
  retiredCadres,
  publicity,
  itSystem,
  equipment,
  buildingMaintenance,
  research,
  purchasedServices,
  inspection,
  operations,
  grassroots,
  archives,
  construction,
];

/** A template by id or by its zh-CN title; undefined when unknown. */
export function findTemplate(kind: string): ProjectTemplate | undefined {
  const k = kind.trim();
  return TEMPLATES.find((t) => t.id === k || t.title === k);
}

export type { ProjectTemplate, TemplateIndicator, TemplateInput, Slot, BasisCategory } from './types';
export { renderTemplate, sampleValues, inputMarker, slotLevels, type RenderedTemplate, type RenderedRow, type RenderOptions } from './render';
