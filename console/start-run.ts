// Runs started from the console of `truc serve`: the suite runs in this process against the
// sandbox's own axis, recorded in its store like any other run. The SUT is the reference agency
// (a demo anyone can watch) or a real system reached by its webhook.
import type { RunProfile } from '../conformance/catalogue.ts';
import { allCases } from '../conformance/cases/index.ts';
import { createWebhookDriver } from '../conformance/drivers/webhook.ts';
import { asRerun } from '../conformance/rerun.ts';
import { newRunId } from '../conformance/run-id.ts';
import { createRunRecorder, storeRunSink } from '../conformance/run-recorder.ts';
import { runReferenceOnAxis } from '../conformance/run-suite.ts';
import { counterpartsOf, runSuite } from '../conformance/runner.ts';
import { inProcessAxisPort } from '../conformance/simulator-port.ts';
import { SUITE_VERSION } from '../conformance/suite-version.ts';
import { resolveTiming } from '../conformance/timing.ts';
import type { Axis } from '../simulator/axis.ts';
import type { PkiFolder } from '../simulator/pki-folder.ts';

export interface StartRunRequest {
  systemId: string;
  profile: RunProfile;
  timing: 'ci' | 'certification';
  driver: 'reference' | 'webhook';
  webhookUrl?: string;
  webhookToken?: string;
  /** Re-run: only these cases, and the run they come from. */
  only?: string[];
  rerunOf?: string;
}

export class StartRunError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Starts the run in the background and resolves with its id once it is recorded. */
export async function startConsoleRun(axis: Axis, pki: PkiFolder, request: StartRunRequest, tenant: string | undefined, axisUrl: string): Promise<string> {
  const system = await axis.core.store.getSystem(request.systemId);
  if (!system || (tenant !== undefined && system.tenant !== tenant)) {
    throw new StartRunError(`Không có hệ thống ${request.systemId}.`, `No system ${request.systemId}.`);
  }
  if (request.driver === 'webhook' && (!request.webhookUrl || !request.webhookToken)) {
    throw new StartRunError('Webhook cần URL và X-Truc-Token.', 'A webhook needs its URL and X-Truc-Token.');
  }
  const agency = await axis.core.store.findAgency(request.systemId);
  const name = agency?.name ?? request.systemId;
  const runId = newRunId();
  const timing = resolveTiming(request.timing);
  const sut = { code: request.systemId, name, ...(request.driver === 'reference' ? { software: 'truc reference agency', version: SUITE_VERSION } : {}) };
  const recorder = createRunRecorder(storeRunSink(axis.core, tenant), {
    runId,
    sut,
    profile: request.profile,
    timing,
    connection: { axisUrl, systemId: request.systemId },
    only: request.only,
  });
  const run = async () => {
    try {
      const record =
        request.driver === 'reference'
          ? await runReferenceOnAxis(axis, { runId, profile: request.profile, timing, pki, code: request.systemId, secret: system.secret, name, only: request.only, progress: recorder })
          : await (async () => {
              const port = await inProcessAxisPort(axis, { runId, sutCode: request.systemId, agencies: counterpartsOf(allCases) });
              try {
                return await runSuite({
                  runId,
                  profile: request.profile,
                  timing,
                  sut,
                  cases: allCases,
                  only: request.only,
                  port,
                  driver: createWebhookDriver({ url: request.webhookUrl!, token: request.webhookToken! }),
                  suiteVersion: SUITE_VERSION,
                  pki,
                  progress: recorder,
                });
              } finally {
                await port.close();
              }
            })();
      await recorder.finished(request.rerunOf ? asRerun(record, request.rerunOf) : record);
    } catch (e) {
      const text = e && typeof e === 'object' && 'vi' in e && 'en' in e ? (e as { vi: string; en: string }) : { vi: String(e), en: String(e) };
      await recorder.aborted({ vi: text.vi, en: text.en });
    }
  };
  void run();
  return runId;
}
