// Go's limits, defaults, point values and thresholds (app/options.go): the
// window holds no copy of a rule; src/options.ts keeps what this returns.
import * as OptionsService from '../../wailsjs/go/app/OptionsService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

/** The generated DTO as is: every field is a number Go sends, nothing to map. */
export type Options = app.OptionsDTO

export async function load(): Promise<Options> {
  return call(() => OptionsService.Options())
}
