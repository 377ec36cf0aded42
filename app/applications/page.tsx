import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Applications' };

export default function ApplicationsPage() {
  return (
    <>
      <PageHeader title="Applications">Applications by namespace, with health and versions.</PageHeader>
      <NotBuiltYet what="The applications list" />
    </>
  );
}
