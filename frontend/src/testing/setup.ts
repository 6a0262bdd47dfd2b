// Every unit test runs with the options Go sends (app/options_test.go keeps
// options.json equal to them), as the app does after main.ts loaded them.
import { setOptions, type Options } from '../options'
import goOptions from './options.json'

setOptions(goOptions as unknown as Options)
