import { describe, expect, it } from 'vitest';
import { publicPageOf } from './Public';

describe('the pages emails and the sign-in link open', () => {
  it('are found from the path the link names', () => {
    expect(publicPageOf('/admin/invitations/abc.def')).toEqual({ kind: 'invitation', token: 'abc.def' });
    expect(publicPageOf('/admin/password-reset/xyz')).toEqual({ kind: 'reset', token: 'xyz' });
    expect(publicPageOf('/admin/signup')).toEqual({ kind: 'signup' });
    expect(publicPageOf('/admin/password-reset')).toEqual({ kind: 'forgot' });
    expect(publicPageOf('/admin/password-reset/')).toEqual({ kind: 'forgot' });
  });

  it('are none for the dashboard own sections or an invitation without its token', () => {
    for (const path of ['/admin/', '/admin/menu', '/admin/invitations', '/admin/invitations/']) {
      expect(publicPageOf(path), path).toBeNull();
    }
  });
});
