'use client';

import { useState } from 'react';
import { ISTIO_RESOURCES } from '@/lib/mesh/inventory/istio-parse';
import type { IstioConfigItem } from '@/lib/mesh/istio/api-types';
import type { Severity } from '@/lib/mesh/istio/types';
import { IfAllowed } from '../auth/if-allowed';
import { BUTTON_CLASS } from '../graph/toolbar-controls';
import { YamlEditor } from './yaml-editor';
import { YamlView } from './yaml-view';

/** The object's YAML, and for users the API server lets update it, an editor in its place. */
export function YamlSection({ item, yaml, marks }: { item: IstioConfigItem; yaml: string; marks: ReadonlyMap<number, Severity> }) {
  const [editing, setEditing] = useState(false);
  const { group, plural } = ISTIO_RESOURCES[item.kind];
  if (editing) return <YamlEditor key={item.resourceVersion} item={item} yaml={yaml} onDone={() => setEditing(false)} />;
  return (
    <div className="space-y-2">
      <IfAllowed check={{ verb: 'update', group, resource: plural, namespace: item.namespace, name: item.name }}>
        <button type="button" className={BUTTON_CLASS} onClick={() => setEditing(true)}>
          Edit YAML
        </button>
      </IfAllowed>
      <YamlView yaml={yaml} marks={marks} />
    </div>
  );
}
