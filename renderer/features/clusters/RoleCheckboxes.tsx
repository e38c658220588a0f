/** Which Backend.AI services run on a node, one checkbox per role. */
import { ROLES, type Role } from '../../../common/contract/schemas/profiles';
import { servicesOfNode } from './nodeServices';

export function RoleCheckboxes(props: { roles: Role[]; onChange(roles: Role[]): void; error?: string | undefined }) {
  const services = servicesOfNode(ROLES);
  return (
    <fieldset className="roles field-full">
      <legend>Roles</legend>
      <div className="roles-grid">
        {services.map((s) => (
          <label key={s.role} className="role-option">
            <input
              type="checkbox"
              checked={props.roles.includes(s.role)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.roles, s.role] : props.roles.filter((r) => r !== s.role))}
            />
            <span className="role-text">
              <span>{s.label}</span>
              <span className="checkbox-hint mono">{s.runsAs}</span>
            </span>
          </label>
        ))}
      </div>
      {props.error && (
        <div className="field-error" role="alert">
          {props.error}
        </div>
      )}
    </fieldset>
  );
}
