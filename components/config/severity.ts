// How a finding's or a flag's severity shows: an icon for the eye and always a word, never colour alone. Pure.

import type { Severity } from '@/lib/mesh/istio/types';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
export const SEVERITY_TEXT_CLASS: Record<Severity, string> = {
  error: 'text-failure',
  warning: 'text-amber-700 dark:text-degraded',
  info: 'text-sky-700 dark:text-sky-300',
};
