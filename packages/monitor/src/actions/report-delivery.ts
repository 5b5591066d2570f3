import type { ActionContext, AgentView } from './agent-view.js';
import { confirmDelivery, type ConfirmDeliveryOptions } from './confirm-delivery.js';
import type { SentReport } from './pm-reports.js';

/** The report with how the PM took it (when `confirm` is given), logged either way. */
export async function checkDelivery(pm: AgentView, report: SentReport, ctx: ActionContext, confirm: ConfirmDeliveryOptions | undefined): Promise<SentReport> {
  let delivery: SentReport['delivery'] = 'unchecked';
  if (confirm !== undefined) {
    try {
      delivery = await confirmDelivery(pm, report.text, confirm);
    } catch (error) {
      ctx.logger.warn('could not check that the PM took the report', { session: report.session, pm: pm.pane.target, error: String(error) });
    }
  }
  if (delivery === 'undelivered') ctx.logger.warn('report not delivered: still in the PM input box after a second Enter', { session: report.session, pm: pm.pane.target, text: report.text });
  else ctx.logger.info('reported to the PM', { session: report.session, pm: pm.pane.target, text: report.text, delivery });
  return { ...report, delivery };
}
