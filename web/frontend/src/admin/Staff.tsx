import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Translate } from '../shared/i18n';
import { ApiProblem } from '../shared/problem';
import type { AdminApi, Invitation, Location, Member } from './api';
import type { Messages } from './messages';

const ROLES = ['MANAGER', 'STAFF', 'KITCHEN', 'OWNER'] as const;

/** Who works here, with what role, and the invitations still open; an invitation is emailed with a link to join. */
export function Staff({ t, api, location }: { t: Translate<Messages>; api: AdminApi; location: Location }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('STAFF');
  const [notice, setNotice] = useState<string | null>(null);

  const read = useCallback(async () => {
    setMembers(await api.members());
    setInvitations((await api.invitations()).filter((invitation) => invitation.status === 'PENDING'));
  }, [api]);
  useEffect(() => {
    read().catch(() => setNotice(t('tryAgain')));
  }, [read, t]);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.invite(email.trim(), role, [location.id]);
      setNotice(t('invited', { email: email.trim() }));
      setEmail('');
      await read();
    } catch (failure) {
      setNotice(failure instanceof ApiProblem && failure.status < 500 ? failure.message : t('tryAgain'));
    }
  };

  /** A change to a member's access: their sessions end, so it applies at once. */
  const change = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      setNotice(done);
    } catch (failure) {
      setNotice(failure instanceof ApiProblem && failure.status < 500 ? failure.message : t('tryAgain'));
    }
    await read();
  };

  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">{t('staff')}</h1>
      {notice && <p className="notice" role="status">{notice}</p>}
      <ul className="rows category">
        {members.map((member) => (
          <li key={member.id} className="row">
            <span className="grow"><strong>{member.displayName}</strong> <span className="muted">{member.email}</span></span>
            {member.active ? (
              <>
                <label>
                  <span className="visually-hidden">{t('roleOf', { name: member.displayName })}</span>
                  <select value={member.role} onChange={(event) => void change(() => api.changeAccess(member, event.currentTarget.value), t('roleChanged', { name: member.displayName }))}>
                    {ROLES.map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}
                  </select>
                </label>
                <button type="button" className="link danger" aria-label={t('deactivateMember', { name: member.displayName })}
                  onClick={() => window.confirm(t('confirmDeactivate', { name: member.displayName }))
                    && void change(() => api.deactivate(member.id), t('deactivated', { name: member.displayName }))}>{t('deactivate')}</button>
              </>
            ) : (
              <><span>{t(`role_${member.role}` as keyof Messages)}</span><span className="muted">{t('inactive')}</span></>
            )}
          </li>
        ))}
      </ul>
      {invitations.length > 0 && (
        <section className="category" aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t('pendingInvitations')}</h2>
          <ul className="rows">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="row">
                <span className="grow">{invitation.email}</span>
                <span>{t(`role_${invitation.role}` as keyof Messages)}</span>
                <button type="button" className="link danger" onClick={() => void api.withdraw(invitation.id).then(read)}>{t('withdraw')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form className="inline" onSubmit={(event) => void invite(event)} aria-label={t('invite')}>
        <label>{t('email')}<input type="email" value={email} onChange={(event) => setEmail(event.target.value)} required maxLength={254} /></label>
        <label>{t('role')}
          <select value={role} onChange={(event) => setRole(event.target.value)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`role_${r}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">{t('invite')}</button>
      </form>
    </section>
  );
}
