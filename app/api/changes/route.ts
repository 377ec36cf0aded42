import { jsonRoute } from '@/lib/http/handler';
import { parseChangesFilter } from '@/lib/traffic-params';
import { listChangeRecords } from '@/lib/traffic-service';

export const dynamic = 'force-dynamic';

/** The recorded traffic changes, of one namespace and service when asked, newest first; 400 names a bad filter. */
export const GET = jsonRoute(async (request: Request) => listChangeRecords(parseChangesFilter(new URL(request.url).searchParams)));
