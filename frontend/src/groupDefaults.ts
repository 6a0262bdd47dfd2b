import type { Group, GroupInput, GroupOptions, GroupType, Profile } from './api'

/**
 * defaultProfileFor mirrors Go's domain.DefaultProfile: the benchmark profile a
 * new group of type t starts with (service → education, resource → industry,
 * interest → e-commerce). Go applies the same default when the profile is empty.
 */
export function defaultProfileFor(type: GroupType): Profile {
  switch (type) {
    case 'service':
      return 'education'
    case 'resource':
      return 'industry'
    default:
      return 'ecommerce'
  }
}

/** The form's starting values: the group being edited, or the defaults of Options(). */
export function formValues(group: Group | null, options: GroupOptions): GroupInput {
  if (group) {
    return {
      name: group.name,
      type: group.type,
      valueProposition: group.valueProposition,
      timeZone: group.timeZone,
      staffAliases: [...group.staffAliases],
      profile: group.profile,
      checkinWord: group.checkinWord,
      targetSize: group.targetSize,
    }
  }
  const type = options.types[0] ?? 'interest'
  return {
    name: '',
    type,
    valueProposition: '',
    timeZone: options.defaultTimeZone,
    staffAliases: [],
    profile: defaultProfileFor(type),
    checkinWord: options.defaultCheckinWord,
    targetSize: 0,
  }
}
