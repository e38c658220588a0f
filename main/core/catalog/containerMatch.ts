/**
 * Which containers are a compose service: those compose made from the
 * service's file in its project (labels), else those whose name matches one
 * of its patterns (containers started by hand or by an older file).
 */
import type { ComposeService } from '../../../common/contract/schemas/services';
import type { DockerContainer } from './dockerPs';

export function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function baseName(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? path;
}

export function isMadeFromFile(container: DockerContainer, project: string, composeFile: string): boolean {
  if (container.labels['com.docker.compose.project'] !== project) return false;
  const files = container.labels['com.docker.compose.project.config_files'];
  if (files === undefined) return false;
  const wanted = baseName(composeFile);
  return files.split(',').some((f) => baseName(f.trim()) === wanted);
}

export function matchesPatterns(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => globToRegExp(p).test(name));
}

export function containersOfService(service: ComposeService, containers: readonly DockerContainer[]): DockerContainer[] {
  const byLabels = containers.filter((c) => isMadeFromFile(c, service.composeProject, service.composeFile));
  if (byLabels.length > 0) return byLabels;
  return containers.filter((c) => matchesPatterns(c.name, service.containerPatterns));
}
