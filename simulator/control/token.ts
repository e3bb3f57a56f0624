// The control token opens every system's secret: an empty or short one is refused when the axis
// is created (createAxis) and when `truc serve` starts (exit 2), never silently accepted.

/** Shortest accepted token; a generated one has 32 characters. */
export const MIN_CONTROL_TOKEN = 16;

export interface ControlTokenProblem {
  code: 'AXIS-CONTROL-TOKEN';
  vi: string;
  en: string;
}

/** Why a token cannot guard the control API, or undefined when it can. `minLength` 1 only refuses empty ones. */
export function controlTokenProblem(token: string, minLength = MIN_CONTROL_TOKEN): ControlTokenProblem | undefined {
  if (token.trim() === '') {
    return { code: 'AXIS-CONTROL-TOKEN', vi: 'Mã API điều khiển rỗng: API sẽ mở cho mọi người.', en: 'The control API token is empty: the API would be open to anyone.' };
  }
  if (token.length < minLength) {
    return {
      code: 'AXIS-CONTROL-TOKEN',
      vi: `Mã API điều khiển quá ngắn (${token.length} ký tự, cần ít nhất ${minLength}).`,
      en: `The control API token is too short (${token.length} characters, at least ${minLength} needed).`,
    };
  }
  return undefined;
}

/** Thrown by createAxis for an empty token. */
export class ControlTokenError extends Error {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  constructor(problem: ControlTokenProblem) {
    super(problem.en);
    this.code = problem.code;
    this.vi = problem.vi;
    this.en = problem.en;
  }
}
