'use client';

import { useQuery } from '@tanstack/react-query';
import { namespacesQuery } from '@/lib/api/namespaces';
import { NamespaceSelect } from '../graph/namespace-select';

/** The namespace picker of pages where no choice in the URL (`null`) means every namespace: all show ticked. */
export function NamespaceChoice({ chosen, onChange }: { chosen: readonly string[] | null; onChange: (namespaces: string[]) => void }) {
  const result = useQuery(namespacesQuery);
  const all = result.data?.namespaces;
  return <NamespaceSelect available={all} loadError={result.error?.message} selected={chosen ?? all?.map((n) => n.name) ?? []} onChange={onChange} />;
}
