import Link from 'next/link';
import type { InventoryItem } from '@/lib/mesh/inventory/types';
import { formatPercent, formatRps } from '../graph/format';
import { HealthCell, IstioBadges, SidecarBadge } from './cells';
import { errorRateOf, portsTitle, portText, replicasText } from './item-format';
import { detailHref } from './kinds';
import type { ListSortKey } from './list-sort';

const NONE = <span className="text-slate-400">—</span>;

/** The content of one cell: what a column shows of an item (nothing where the column is not of its kind). */
export function ItemCell({ item, column }: { item: InventoryItem; column: ListSortKey }) {
  switch (column) {
    case 'health':
      return <HealthCell report={item.health} />;
    case 'name':
      return (
        <Link href={detailHref(item.kind, item.namespace, item.name)} className="font-medium text-sky-700 underline dark:text-sky-300">
          {item.name}
        </Link>
      );
    case 'namespace':
      return item.namespace;
    case 'versions':
      return item.kind === 'apps' && item.versions.length > 0 ? item.versions.join(', ') : NONE;
    case 'sidecar':
      return item.kind === 'services' ? NONE : <SidecarBadge status={item.sidecar} />;
    case 'replicas':
      return item.kind === 'workloads' ? (
        <span title={`${item.replicas.available} available of ${item.replicas.desired} desired`}>{replicasText(item.replicas)}</span>
      ) : (
        NONE
      );
    case 'type':
      return item.kind === 'services' ? item.type : NONE;
    case 'ports':
      return item.kind === 'services' && item.ports.length > 0 ? <span title={portsTitle(item.ports)}>{item.ports.map(portText).join(', ')}</span> : NONE;
    case 'config':
      return <IstioBadges refs={item.istio} />;
    case 'inRps':
      return formatRps(item.health.inRps);
    case 'errors': {
      const rate = errorRateOf(item.health);
      // A dash, not 0 %, where there was no traffic to fail; sorting puts it last for the same reason.
      return rate === undefined ? <span title="No traffic">—</span> : formatPercent(rate);
    }
  }
}
