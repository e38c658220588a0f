/** Switches light/dark; the choice is remembered in this browser. */
import { useThemeStore } from '../../stores/themeStore';

export function ThemeToggle() {
  const { theme, toggle } = useThemeStore();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="icon-button topbar-button" aria-label={`Switch to ${next} theme`} title={`Switch to ${next} theme`} onClick={toggle}>
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}
