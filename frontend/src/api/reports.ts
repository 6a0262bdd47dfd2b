import * as ReportService from '../../wailsjs/go/app/ReportService'
import { call } from './errors'

// The printable weekly report. groupId 0 means every group; appendix adds the
// detailed pages and the definitions ("附录"), off by default.

/** html renders the week's report: a whole HTML document for the preview's srcdoc. */
export async function html(week: string, groupId: number, appendix = false): Promise<string> {
  return (await call(() => ReportService.HTML(week, groupId, appendix))) ?? ''
}

/** save asks where to save the report and writes it; null when the user cancelled. */
export async function save(week: string, groupId: number, appendix = false): Promise<string | null> {
  const path = await call(() => ReportService.Save(week, groupId, appendix))
  return path ? path : null
}

/**
 * openInBrowser writes the report to a temporary file and opens it in the default browser, to print from there;
 * when no browser opens it rejects with Go's words naming the file.
 */
export async function openInBrowser(week: string, groupId: number, appendix = false): Promise<string> {
  return (await call(() => ReportService.OpenInBrowser(week, groupId, appendix))) ?? ''
}
