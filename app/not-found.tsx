import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';

export default function NotFound() {
  return (
    <>
      <PageHeader title="Not found">There is no page at this address.</PageHeader>
      <Link href="/" className="text-sky-700 underline dark:text-sky-400">
        Back to the overview
      </Link>
    </>
  );
}
