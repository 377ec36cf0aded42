import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { authKeys, type AccessCheck, type SessionInfo } from '@/lib/api/auth';
import { UserMenu } from '../shell/user-menu';
import { IfAllowed } from './if-allowed';
import { LoginForm } from './login-form';

// The user menu navigates after logging out; rendering needs only a router to exist.
vi.mock('next/navigation', () => ({ useRouter: () => ({ replace: vi.fn() }) }));

// Server-rendered markup over a query cache seeded with the API's answers: no browser, no network.
const edit: AccessCheck = { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'bookinfo' };

function render(node: ReactNode, seed: (client: QueryClient) => void = () => undefined): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  seed(client);
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

const session = (info: SessionInfo) => (client: QueryClient) => client.setQueryData(authKeys.session(), info);

describe('IfAllowed', () => {
  it.each([
    ['allowed', { allowed: true }, '<button>Edit</button>'],
    ['refused', { allowed: false }, '<span>read only</span>'],
    ['not known yet', undefined, '<span>read only</span>'],
  ])('%s', (_, answer, expected) => {
    const out = render(
      <IfAllowed check={edit} fallback={<span>read only</span>}>
        <button>Edit</button>
      </IfAllowed>,
      (client) => answer && client.setQueryData(authKeys.canI(edit), answer),
    );
    expect(out).toBe(expected);
  });

  it('answers for the exact check only', () => {
    const out = render(
      <IfAllowed check={{ ...edit, namespace: 'travel' }}>
        <button>Edit</button>
      </IfAllowed>,
      (client) => client.setQueryData(authKeys.canI(edit), { allowed: true }),
    );
    expect(out).toBe('');
  });
});

describe('UserMenu', () => {
  it('shows the user and Logout for a token session', () => {
    const out = render(<UserMenu />, session({ strategy: 'token', authenticated: true, user: 'system:serviceaccount:lab:viewer', readOnly: false }));
    expect(out).toContain('system:serviceaccount:lab:viewer');
    expect(out).toMatch(/<button[^>]*>Logout<\/button>/);
  });

  it('shows only the name behind an authenticating proxy', () => {
    const out = render(<UserMenu />, session({ strategy: 'header', authenticated: true, user: 'alice', readOnly: false }));
    expect(out).toContain('alice');
    expect(out).not.toContain('Logout');
  });

  it.each<SessionInfo>([
    { strategy: 'anonymous', authenticated: false, readOnly: true },
    { strategy: 'token', authenticated: false, readOnly: false },
  ])('shows nothing without a session (%o)', (info) => {
    expect(render(<UserMenu />, session(info))).toBe('');
  });
});

describe('LoginForm', () => {
  it('asks for the token in a masked field with a label', () => {
    const out = render(<LoginForm next="/graph" />);
    expect(out).toMatch(/<label[^>]*>Token<input type="password" autoComplete="off"[^>]*name="token"/);
    expect(out).toMatch(/<button type="submit" disabled=""[^>]*>Sign in<\/button>/);
    expect(out).not.toContain('role="alert"');
  });
});
