import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BreakerBannerView } from './breaker-banner';

describe('BreakerBannerView', () => {
  it('is an alert with one line per open breaker', () => {
    const out = renderToStaticMarkup(<BreakerBannerView notices={[{ upstream: 'prometheus', text: 'Prometheus is failing; retrying in 20 s' }]} />);
    expect(out).toMatch(/^<div role="alert" data-testid="breaker-banner"/);
    expect(out).toContain('<p data-upstream="prometheus">Prometheus is failing; retrying in 20 s</p>');
  });

  it('renders nothing when every breaker is closed', () => {
    expect(renderToStaticMarkup(<BreakerBannerView notices={[]} />)).toBe('');
  });
});
