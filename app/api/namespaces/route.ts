import { jsonRoute } from '@/lib/http/handler';
import { listNamespaces } from '@/lib/k8s/client';

export const dynamic = 'force-dynamic';

/** Namespaces with their labels and sidecar-injection setting, sorted by name. */
export const GET = jsonRoute(async () => ({
  namespaces: (await listNamespaces()).sort((a, b) => a.name.localeCompare(b.name)),
}));
