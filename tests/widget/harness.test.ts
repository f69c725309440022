import { expect } from '@open-wc/testing';
import { ApiClient } from '../../widget/api-client.ts';
import { mintSession } from './harness/partner.ts';

describe('test harness', () => {
  it('talks to a real two-factor server across origins', async () => {
    const { token, server } = await mintSession({ purpose: 'setup' });
    const api = new ApiClient({ server, token });
    const session = await api.get<{ purpose: string }>('/session');
    expect(session.purpose).to.equal('setup');
  });
});
