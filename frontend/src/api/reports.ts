import * as ReportService from '../../wailsjs/go/app/ReportService'
import { call } from './errors'

// The printable weekly report. groupId 0 means every group.

/** html renders the week's report: a whole HTML document for the preview's srcdoc. */
export async function html(week: string, groupId: number): Promise<string> {
  return (await call(() => ReportService.HTML(week, groupId))) ?? ''
}

/** save asks where to save the report and writes it; null when the user cancelled. */
export async function save(week: string, groupId: number): Promise<string | null> {
  const path = await call(() => ReportService.Save(week, groupId))
  return path ? path : null
}

/** openInBrowser writes the report to a temporary file and opens it in the default browser, to print from there. */
export async function openInBrowser(week: string, groupId: number): Promise<string> {
  return (await call(() => ReportService.OpenInBrowser(week, groupId))) ?? ''
}
