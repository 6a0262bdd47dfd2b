export namespace app {
	
	export class AddressDTO {
	    url: string;
	    loopback: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AddressDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.loopback = source["loopback"];
	    }
	}
	export class AlertDTO {
	    check: string;
	    value?: number;
	    threshold: string;
	    advice: string;
	
	    static createFrom(source: any = {}) {
	        return new AlertDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.check = source["check"];
	        this.value = source["value"];
	        this.threshold = source["threshold"];
	        this.advice = source["advice"];
	    }
	}
	export class AuditEntryDTO {
	    id: number;
	    at: number;
	    operator: string;
	    dbUser: string;
	    action: string;
	    entity: string;
	    entityId: number;
	    groupId: number;
	    groupName: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.operator = source["operator"];
	        this.dbUser = source["dbUser"];
	        this.action = source["action"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.groupId = source["groupId"];
	        this.groupName = source["groupName"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class AuditFilterDTO {
	    groupId: number;
	    action: string;
	    operator: string;
	    from: number;
	    to: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditFilterDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupId = source["groupId"];
	        this.action = source["action"];
	        this.operator = source["operator"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class AuditPageDTO {
	    entries: AuditEntryDTO[];
	    more: boolean;
	    operators: string[];
	
	    static createFrom(source: any = {}) {
	        return new AuditPageDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], AuditEntryDTO);
	        this.more = source["more"];
	        this.operators = source["operators"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BackupDTO {
	    name: string;
	    at: string;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.at = source["at"];
	        this.size = source["size"];
	    }
	}
	export class BatchDTO {
	    id: number;
	    kind: string;
	    format: string;
	    file: string;
	    encoding: string;
	    rows: number;
	    imported: number;
	    updated: number;
	    skippedDuplicates: number;
	    createdAt: string;
	    undoable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BatchDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.format = source["format"];
	        this.file = source["file"];
	        this.encoding = source["encoding"];
	        this.rows = source["rows"];
	        this.imported = source["imported"];
	        this.updated = source["updated"];
	        this.skippedDuplicates = source["skippedDuplicates"];
	        this.createdAt = source["createdAt"];
	        this.undoable = source["undoable"];
	    }
	}
	export class CadenceDTO {
	    morningBrief: boolean;
	    morningBriefAt: string;
	    liveSession: boolean;
	    liveWeekday: number;
	    liveSessionAt: string;
	    ugcCall: boolean;
	    ugcNth: number;
	    ugcWeekday: number;
	    ugcCallAt: string;
	    sharesPerWeek: number;
	    shareAt: string;
	    dailyCap: number;
	    minGapMinutes: number;
	    quietStart: string;
	    quietEnd: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new CadenceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.morningBrief = source["morningBrief"];
	        this.morningBriefAt = source["morningBriefAt"];
	        this.liveSession = source["liveSession"];
	        this.liveWeekday = source["liveWeekday"];
	        this.liveSessionAt = source["liveSessionAt"];
	        this.ugcCall = source["ugcCall"];
	        this.ugcNth = source["ugcNth"];
	        this.ugcWeekday = source["ugcWeekday"];
	        this.ugcCallAt = source["ugcCallAt"];
	        this.sharesPerWeek = source["sharesPerWeek"];
	        this.shareAt = source["shareAt"];
	        this.dailyCap = source["dailyCap"];
	        this.minGapMinutes = source["minGapMinutes"];
	        this.quietStart = source["quietStart"];
	        this.quietEnd = source["quietEnd"];
	        this.version = source["version"];
	    }
	}
	export class RateDTO {
	    name: string;
	    value?: number;
	    reference: number;
	
	    static createFrom(source: any = {}) {
	        return new RateDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	        this.reference = source["reference"];
	    }
	}
	export class ResultsDTO {
	    reach?: number;
	    opens?: number;
	    clicks?: number;
	    conversions?: number;
	    participants?: number;
	
	    static createFrom(source: any = {}) {
	        return new ResultsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reach = source["reach"];
	        this.opens = source["opens"];
	        this.clicks = source["clicks"];
	        this.conversions = source["conversions"];
	        this.participants = source["participants"];
	    }
	}
	export class ContentItemDTO {
	    id: number;
	    groupId: number;
	    groupName: string;
	    type: string;
	    format: string;
	    title: string;
	    displayTitle: string;
	    body: string;
	    at: string;
	    status: string;
	    results: ResultsDTO;
	    rate?: RateDTO;
	    generated: boolean;
	    reasons: string[];
	    version: number;
	    due: string;
	    presenterId?: number;
	    presenterName: string;
	
	    static createFrom(source: any = {}) {
	        return new ContentItemDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.groupId = source["groupId"];
	        this.groupName = source["groupName"];
	        this.type = source["type"];
	        this.format = source["format"];
	        this.title = source["title"];
	        this.displayTitle = source["displayTitle"];
	        this.body = source["body"];
	        this.at = source["at"];
	        this.status = source["status"];
	        this.results = this.convertValues(source["results"], ResultsDTO);
	        this.rate = this.convertValues(source["rate"], RateDTO);
	        this.generated = source["generated"];
	        this.reasons = source["reasons"];
	        this.version = source["version"];
	        this.due = source["due"];
	        this.presenterId = source["presenterId"];
	        this.presenterName = source["presenterName"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CalendarGroupDTO {
	    id: number;
	    name: string;
	    index: number;
	
	    static createFrom(source: any = {}) {
	        return new CalendarGroupDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.index = source["index"];
	    }
	}
	export class CalendarDTO {
	    from: string;
	    days: number;
	    groups: CalendarGroupDTO[];
	    items: ContentItemDTO[];
	    now: string;
	
	    static createFrom(source: any = {}) {
	        return new CalendarDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.days = source["days"];
	        this.groups = this.convertValues(source["groups"], CalendarGroupDTO);
	        this.items = this.convertValues(source["items"], ContentItemDTO);
	        this.now = source["now"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ScreenDTO {
	    score: number;
	    region: string;
	    regionOk?: boolean;
	    friends?: number;
	    influence?: boolean;
	    messages: number;
	    overlap?: number;
	    active?: boolean;
	    listed: boolean;
	    activeHours: string;
	
	    static createFrom(source: any = {}) {
	        return new ScreenDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.score = source["score"];
	        this.region = source["region"];
	        this.regionOk = source["regionOk"];
	        this.friends = source["friends"];
	        this.influence = source["influence"];
	        this.messages = source["messages"];
	        this.overlap = source["overlap"];
	        this.active = source["active"];
	        this.listed = source["listed"];
	        this.activeHours = source["activeHours"];
	    }
	}
	export class CandidateDTO {
	    line: number;
	    name: string;
	    screen: ScreenDTO;
	
	    static createFrom(source: any = {}) {
	        return new CandidateDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.name = source["name"];
	        this.screen = this.convertValues(source["screen"], ScreenDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRowErrorDTO {
	    line: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportRowErrorDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.reason = source["reason"];
	    }
	}
	export class ScreeningDTO {
	    regions: string[];
	    openHour: number;
	    closeHour: number;
	    minFriends: number;
	
	    static createFrom(source: any = {}) {
	        return new ScreeningDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.regions = source["regions"];
	        this.openHour = source["openHour"];
	        this.closeHour = source["closeHour"];
	        this.minFriends = source["minFriends"];
	    }
	}
	export class CandidatesDTO {
	    file: string;
	    encoding: string;
	    criteria: ScreeningDTO;
	    candidates: CandidateDTO[];
	    errors: ImportRowErrorDTO[];
	    errorCount: number;
	
	    static createFrom(source: any = {}) {
	        return new CandidatesDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.encoding = source["encoding"];
	        this.criteria = this.convertValues(source["criteria"], ScreeningDTO);
	        this.candidates = this.convertValues(source["candidates"], CandidateDTO);
	        this.errors = this.convertValues(source["errors"], ImportRowErrorDTO);
	        this.errorCount = source["errorCount"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ComparisonRowDTO {
	    key: string;
	    value?: number;
	    hasRef: boolean;
	    refMin?: number;
	    refMax?: number;
	    refSource: string;
	    refCondition: string;
	    others?: number;
	    othersCount: number;
	
	    static createFrom(source: any = {}) {
	        return new ComparisonRowDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.value = source["value"];
	        this.hasRef = source["hasRef"];
	        this.refMin = source["refMin"];
	        this.refMax = source["refMax"];
	        this.refSource = source["refSource"];
	        this.refCondition = source["refCondition"];
	        this.others = source["others"];
	        this.othersCount = source["othersCount"];
	    }
	}
	export class ComparisonDTO {
	    profile: string;
	    otherGroups: number;
	    rows: ComparisonRowDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ComparisonDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.otherGroups = source["otherGroups"];
	        this.rows = this.convertValues(source["rows"], ComparisonRowDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ConnectionTestDTO {
	    ok: boolean;
	    mode: string;
	    database: string;
	    keyPath: string;
	
	    static createFrom(source: any = {}) {
	        return new ConnectionTestDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.mode = source["mode"];
	        this.database = source["database"];
	        this.keyPath = source["keyPath"];
	    }
	}
	export class ContentInputDTO {
	    id: number;
	    version: number;
	    type: string;
	    format: string;
	    title: string;
	    body: string;
	    at: string;
	    presenterId?: number;
	    alsoGroups: number[];
	
	    static createFrom(source: any = {}) {
	        return new ContentInputDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.type = source["type"];
	        this.format = source["format"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.at = source["at"];
	        this.presenterId = source["presenterId"];
	        this.alsoGroups = source["alsoGroups"];
	    }
	}
	
	export class LibraryEntryDTO {
	    id: number;
	    type: string;
	    format: string;
	    title: string;
	    displayTitle: string;
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new LibraryEntryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.type = source["type"];
	        this.format = source["format"];
	        this.title = source["title"];
	        this.displayTitle = source["displayTitle"];
	        this.body = source["body"];
	    }
	}
	export class FormatRateDTO {
	    format: string;
	    name: string;
	    value?: number;
	    reference: number;
	    items: number;
	
	    static createFrom(source: any = {}) {
	        return new FormatRateDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.name = source["name"];
	        this.value = source["value"];
	        this.reference = source["reference"];
	        this.items = source["items"];
	    }
	}
	export class PlannedDoneDTO {
	    key: string;
	    planned: number;
	    posted: number;
	    skipped: number;
	
	    static createFrom(source: any = {}) {
	        return new PlannedDoneDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.planned = source["planned"];
	        this.posted = source["posted"];
	        this.skipped = source["skipped"];
	    }
	}
	export class WeekDTO {
	    week: string;
	    start: string;
	    end: string;
	    hasData: boolean;
	    groups: number[];
	    current: boolean;
	    ahead: boolean;
	
	    static createFrom(source: any = {}) {
	        return new WeekDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.week = source["week"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.hasData = source["hasData"];
	        this.groups = source["groups"];
	        this.current = source["current"];
	        this.ahead = source["ahead"];
	    }
	}
	export class GroupDTO {
	    id: number;
	    name: string;
	    type: string;
	    valueProposition: string;
	    timeZone: string;
	    staffAliases: string[];
	    profile: string;
	    checkinWord: string;
	    targetSize: number;
	    members: number;
	    messages: number;
	    lastMessageAt: string;
	    createdAt: string;
	    updatedAt: string;
	    demo: boolean;
	
	    static createFrom(source: any = {}) {
	        return new GroupDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.valueProposition = source["valueProposition"];
	        this.timeZone = source["timeZone"];
	        this.staffAliases = source["staffAliases"];
	        this.profile = source["profile"];
	        this.checkinWord = source["checkinWord"];
	        this.targetSize = source["targetSize"];
	        this.members = source["members"];
	        this.messages = source["messages"];
	        this.lastMessageAt = source["lastMessageAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.demo = source["demo"];
	    }
	}
	export class ContentWeekDTO {
	    group: GroupDTO;
	    week: WeekDTO;
	    items: ContentItemDTO[];
	    hasPlan: boolean;
	    generated: boolean;
	    unplaced: string[];
	    cadence: CadenceDTO;
	    charts: {[key: string]: any};
	    byType: PlannedDoneDTO[];
	    byFormat: PlannedDoneDTO[];
	    rates: FormatRateDTO[];
	    now: string;
	    mix: {[key: string]: number};
	    target: {[key: string]: number};
	    library: LibraryEntryDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ContentWeekDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = this.convertValues(source["group"], GroupDTO);
	        this.week = this.convertValues(source["week"], WeekDTO);
	        this.items = this.convertValues(source["items"], ContentItemDTO);
	        this.hasPlan = source["hasPlan"];
	        this.generated = source["generated"];
	        this.unplaced = source["unplaced"];
	        this.cadence = this.convertValues(source["cadence"], CadenceDTO);
	        this.charts = source["charts"];
	        this.byType = this.convertValues(source["byType"], PlannedDoneDTO);
	        this.byFormat = this.convertValues(source["byFormat"], PlannedDoneDTO);
	        this.rates = this.convertValues(source["rates"], FormatRateDTO);
	        this.now = source["now"];
	        this.mix = source["mix"];
	        this.target = source["target"];
	        this.library = this.convertValues(source["library"], LibraryEntryDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContextDTO {
	    at: string;
	    name: string;
	    kind: string;
	    content: string;
	    self: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ContextDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.content = source["content"];
	        this.self = source["self"];
	    }
	}
	export class TodoDTO {
	    kind: string;
	    check: string;
	    incidentId: number;
	    incidentType: string;
	    level: number;
	    dueAt: string;
	    overdue: boolean;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new TodoDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.check = source["check"];
	        this.incidentId = source["incidentId"];
	        this.incidentType = source["incidentType"];
	        this.level = source["level"];
	        this.dueAt = source["dueAt"];
	        this.overdue = source["overdue"];
	        this.count = source["count"];
	    }
	}
	export class UnansweredDTO {
	    name: string;
	    at: string;
	    text: string;
	    waitSeconds: number;
	    late: boolean;
	
	    static createFrom(source: any = {}) {
	        return new UnansweredDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.at = source["at"];
	        this.text = source["text"];
	        this.waitSeconds = source["waitSeconds"];
	        this.late = source["late"];
	    }
	}
	export class UrgentDTO {
	    count: number;
	    level: number;
	    type: string;
	
	    static createFrom(source: any = {}) {
	        return new UrgentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.level = source["level"];
	        this.type = source["type"];
	    }
	}
	export class WeekInputDTO {
	    muteRate?: number;
	    linkClicks?: number;
	    linkReach?: number;
	    paying?: number;
	
	    static createFrom(source: any = {}) {
	        return new WeekInputDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.muteRate = source["muteRate"];
	        this.linkClicks = source["linkClicks"];
	        this.linkReach = source["linkReach"];
	        this.paying = source["paying"];
	    }
	}
	export class GroupWeekDTO {
	    group: GroupDTO;
	    week: WeekDTO;
	    figures: {[key: string]: any};
	    sources: {[key: string]: string};
	    alerts: AlertDTO[];
	    input: WeekInputDTO;
	    silent: boolean;
	    checksApplicable: number;
	    checksTotal: number;
	    urgent?: UrgentDTO;
	
	    static createFrom(source: any = {}) {
	        return new GroupWeekDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = this.convertValues(source["group"], GroupDTO);
	        this.week = this.convertValues(source["week"], WeekDTO);
	        this.figures = source["figures"];
	        this.sources = source["sources"];
	        this.alerts = this.convertValues(source["alerts"], AlertDTO);
	        this.input = this.convertValues(source["input"], WeekInputDTO);
	        this.silent = source["silent"];
	        this.checksApplicable = source["checksApplicable"];
	        this.checksTotal = source["checksTotal"];
	        this.urgent = this.convertValues(source["urgent"], UrgentDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DashboardDTO {
	    week: GroupWeekDTO;
	    charts: {[key: string]: any};
	    comparison: ComparisonDTO;
	    unanswered: UnansweredDTO[];
	    inactiveDays: number;
	    todos: TodoDTO[];
	
	    static createFrom(source: any = {}) {
	        return new DashboardDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.week = this.convertValues(source["week"], GroupWeekDTO);
	        this.charts = source["charts"];
	        this.comparison = this.convertValues(source["comparison"], ComparisonDTO);
	        this.unanswered = this.convertValues(source["unanswered"], UnansweredDTO);
	        this.inactiveDays = source["inactiveDays"];
	        this.todos = this.convertValues(source["todos"], TodoDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DayJoinsDTO {
	    day: string;
	    joined: string[];
	    left: number;
	
	    static createFrom(source: any = {}) {
	        return new DayJoinsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.joined = source["joined"];
	        this.left = source["left"];
	    }
	}
	export class DefaultsDTO {
	    floodCount: number;
	    floodSeconds: number;
	    strikeDays: number;
	    strikeLimit: number;
	    inactiveDays: number;
	    shareQuota: number;
	    openHour: number;
	    closeHour: number;
	    backupKeep: number;
	    timeZone: string;
	    checkinWord: string;
	    profiles: {[key: string]: string};
	    liveEverySeconds: number;
	    replyMinutes: number;
	
	    static createFrom(source: any = {}) {
	        return new DefaultsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.floodCount = source["floodCount"];
	        this.floodSeconds = source["floodSeconds"];
	        this.strikeDays = source["strikeDays"];
	        this.strikeLimit = source["strikeLimit"];
	        this.inactiveDays = source["inactiveDays"];
	        this.shareQuota = source["shareQuota"];
	        this.openHour = source["openHour"];
	        this.closeHour = source["closeHour"];
	        this.backupKeep = source["backupKeep"];
	        this.timeZone = source["timeZone"];
	        this.checkinWord = source["checkinWord"];
	        this.profiles = source["profiles"];
	        this.liveEverySeconds = source["liveEverySeconds"];
	        this.replyMinutes = source["replyMinutes"];
	    }
	}
	export class DeletionDTO {
	    groups: string[];
	    members: number;
	    messages: number;
	    backup: string;
	
	    static createFrom(source: any = {}) {
	        return new DeletionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groups = source["groups"];
	        this.members = source["members"];
	        this.messages = source["messages"];
	        this.backup = source["backup"];
	    }
	}
	export class EvidenceDTO {
	    id: number;
	    at: string;
	    name: string;
	    kind: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new EvidenceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.content = source["content"];
	    }
	}
	export class FilledTextDTO {
	    text: string;
	    unknown: string[];
	    missing: string[];
	
	    static createFrom(source: any = {}) {
	        return new FilledTextDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.unknown = source["unknown"];
	        this.missing = source["missing"];
	    }
	}
	
	
	export class GroupInputDTO {
	    name: string;
	    type: string;
	    valueProposition: string;
	    timeZone: string;
	    staffAliases: string[];
	    profile: string;
	    checkinWord: string;
	    targetSize: number;
	
	    static createFrom(source: any = {}) {
	        return new GroupInputDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.valueProposition = source["valueProposition"];
	        this.timeZone = source["timeZone"];
	        this.staffAliases = source["staffAliases"];
	        this.profile = source["profile"];
	        this.checkinWord = source["checkinWord"];
	        this.targetSize = source["targetSize"];
	    }
	}
	export class GroupOptionsDTO {
	    types: string[];
	    profiles: string[];
	    timeZones: string[];
	    defaultTimeZone: string;
	    defaultCheckinWord: string;
	    backupBeforeDelete: boolean;
	
	    static createFrom(source: any = {}) {
	        return new GroupOptionsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.types = source["types"];
	        this.profiles = source["profiles"];
	        this.timeZones = source["timeZones"];
	        this.defaultTimeZone = source["defaultTimeZone"];
	        this.defaultCheckinWord = source["defaultCheckinWord"];
	        this.backupBeforeDelete = source["backupBeforeDelete"];
	    }
	}
	
	export class HighlightChatMessageDTO {
	    id: number;
	    name: string;
	    at: string;
	    kind: string;
	    content: string;
	    highlightId: number;
	
	    static createFrom(source: any = {}) {
	        return new HighlightChatMessageDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.content = source["content"];
	        this.highlightId = source["highlightId"];
	    }
	}
	export class HighlightChatPageDTO {
	    messages: HighlightChatMessageDTO[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new HighlightChatPageDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messages = this.convertValues(source["messages"], HighlightChatMessageDTO);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HighlightDTO {
	    id: number;
	    messageId: number;
	    source: string;
	    name: string;
	    at: string;
	    kind: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new HighlightDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.messageId = source["messageId"];
	        this.source = source["source"];
	        this.name = source["name"];
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.content = source["content"];
	    }
	}
	export class HighlightSuggestionDTO {
	    messageId: number;
	    name: string;
	    at: string;
	    kind: string;
	    content: string;
	    replies: number;
	    repliers: number;
	    highlightId: number;
	
	    static createFrom(source: any = {}) {
	        return new HighlightSuggestionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messageId = source["messageId"];
	        this.name = source["name"];
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.content = source["content"];
	        this.replies = source["replies"];
	        this.repliers = source["repliers"];
	        this.highlightId = source["highlightId"];
	    }
	}
	export class HighlightsDTO {
	    group: GroupDTO;
	    week: WeekDTO;
	    library: HighlightDTO[];
	    suggestions: HighlightSuggestionDTO[];
	    digest: string;
	
	    static createFrom(source: any = {}) {
	        return new HighlightsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = this.convertValues(source["group"], GroupDTO);
	        this.week = this.convertValues(source["week"], WeekDTO);
	        this.library = this.convertValues(source["library"], HighlightDTO);
	        this.suggestions = this.convertValues(source["suggestions"], HighlightSuggestionDTO);
	        this.digest = source["digest"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HitDTO {
	    key: string;
	    set: string;
	    category: string;
	    level: number;
	    sender: string;
	    at: string;
	    match: string;
	    content: string;
	    members: number;
	    decision: string;
	    incidentId: number;
	    messageId: number;
	    past: boolean;
	
	    static createFrom(source: any = {}) {
	        return new HitDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.set = source["set"];
	        this.category = source["category"];
	        this.level = source["level"];
	        this.sender = source["sender"];
	        this.at = source["at"];
	        this.match = source["match"];
	        this.content = source["content"];
	        this.members = source["members"];
	        this.decision = source["decision"];
	        this.incidentId = source["incidentId"];
	        this.messageId = source["messageId"];
	        this.past = source["past"];
	    }
	}
	export class ImportPreviewDTO {
	    kind: string;
	    file: string;
	    format: string;
	    encoding: string;
	    header: string[];
	    fields: string[];
	    columns: string[];
	    rows: string[][];
	    errors: ImportRowErrorDTO[];
	    looksLike: string;
	    fileGroup: string;
	    wallClock: boolean;
	    timeZone: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.file = source["file"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.header = source["header"];
	        this.fields = source["fields"];
	        this.columns = source["columns"];
	        this.rows = source["rows"];
	        this.errors = this.convertValues(source["errors"], ImportRowErrorDTO);
	        this.looksLike = source["looksLike"];
	        this.fileGroup = source["fileGroup"];
	        this.wallClock = source["wallClock"];
	        this.timeZone = source["timeZone"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRequestDTO {
	    jobId: string;
	    groupId: number;
	    kind: string;
	    path: string;
	    format: string;
	    partial: boolean;
	    roster: boolean;
	    mapping: {[key: string]: string};
	    tz: string;
	    anyGroup: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportRequestDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.jobId = source["jobId"];
	        this.groupId = source["groupId"];
	        this.kind = source["kind"];
	        this.path = source["path"];
	        this.format = source["format"];
	        this.partial = source["partial"];
	        this.roster = source["roster"];
	        this.mapping = source["mapping"];
	        this.tz = source["tz"];
	        this.anyGroup = source["anyGroup"];
	    }
	}
	
	export class IncidentDTO {
	    id: number;
	    groupId: number;
	    type: string;
	    level: number;
	    status: string;
	    occurredAt: string;
	    openedAt: string;
	    dueAt: string;
	    lateMinutes: number;
	    closedAt: string;
	    overdue: boolean;
	    summary: string;
	    checklist: string[];
	    checked: string[];
	    notes: string;
	    evidence: number[];
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new IncidentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.groupId = source["groupId"];
	        this.type = source["type"];
	        this.level = source["level"];
	        this.status = source["status"];
	        this.occurredAt = source["occurredAt"];
	        this.openedAt = source["openedAt"];
	        this.dueAt = source["dueAt"];
	        this.lateMinutes = source["lateMinutes"];
	        this.closedAt = source["closedAt"];
	        this.overdue = source["overdue"];
	        this.summary = source["summary"];
	        this.checklist = source["checklist"];
	        this.checked = source["checked"];
	        this.notes = source["notes"];
	        this.evidence = source["evidence"];
	        this.version = source["version"];
	    }
	}
	export class IncidentDetailDTO {
	    incident: IncidentDTO;
	    evidence: EvidenceDTO[];
	
	    static createFrom(source: any = {}) {
	        return new IncidentDetailDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.incident = this.convertValues(source["incident"], IncidentDTO);
	        this.evidence = this.convertValues(source["evidence"], EvidenceDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class IncidentEditDTO {
	    id: number;
	    version: number;
	    status: string;
	    checked: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new IncidentEditDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.status = source["status"];
	        this.checked = source["checked"];
	        this.notes = source["notes"];
	    }
	}
	export class KeywordReplyDTO {
	    id: number;
	    keywords: string[];
	    reply: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new KeywordReplyDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.keywords = source["keywords"];
	        this.reply = source["reply"];
	        this.version = source["version"];
	    }
	}
	export class LedgerMemberDTO {
	    id: number;
	    version: number;
	    name: string;
	    names: string[];
	    ids: string[];
	    tier: string;
	    tierLocked: boolean;
	    tags: string[];
	    present: boolean;
	    joinedAt: string;
	    leftAt: string;
	    lastMessageAt: string;
	    messages: number;
	    messages28d: number;
	    checkinDays: number;
	    points: number;
	    strikes: number;
	    struckOut: boolean;
	    inactive?: boolean;
	    screen: ScreenDTO;
	
	    static createFrom(source: any = {}) {
	        return new LedgerMemberDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.name = source["name"];
	        this.names = source["names"];
	        this.ids = source["ids"];
	        this.tier = source["tier"];
	        this.tierLocked = source["tierLocked"];
	        this.tags = source["tags"];
	        this.present = source["present"];
	        this.joinedAt = source["joinedAt"];
	        this.leftAt = source["leftAt"];
	        this.lastMessageAt = source["lastMessageAt"];
	        this.messages = source["messages"];
	        this.messages28d = source["messages28d"];
	        this.checkinDays = source["checkinDays"];
	        this.points = source["points"];
	        this.strikes = source["strikes"];
	        this.struckOut = source["struckOut"];
	        this.inactive = source["inactive"];
	        this.screen = this.convertValues(source["screen"], ScreenDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SuggestionDTO {
	    memberId: number;
	    version: number;
	    name: string;
	    from: string;
	    to: string;
	    reason: string;
	    rank: number;
	    messages: number;
	
	    static createFrom(source: any = {}) {
	        return new SuggestionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.version = source["version"];
	        this.name = source["name"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.reason = source["reason"];
	        this.rank = source["rank"];
	        this.messages = source["messages"];
	    }
	}
	export class PyramidDTO {
	    admin: number;
	    core: number;
	    normal: number;
	
	    static createFrom(source: any = {}) {
	        return new PyramidDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.admin = source["admin"];
	        this.core = source["core"];
	        this.normal = source["normal"];
	    }
	}
	export class LedgerDTO {
	    group: GroupDTO;
	    week: WeekDTO;
	    inactiveMeasurable: boolean;
	    present: number;
	    actual: PyramidDTO;
	    target: PyramidDTO;
	    suggestions: SuggestionDTO[];
	    members: LedgerMemberDTO[];
	    tags: string[];
	    screening: ScreeningDTO;
	    inactiveDays: number;
	    strikeLimit: number;
	
	    static createFrom(source: any = {}) {
	        return new LedgerDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = this.convertValues(source["group"], GroupDTO);
	        this.week = this.convertValues(source["week"], WeekDTO);
	        this.inactiveMeasurable = source["inactiveMeasurable"];
	        this.present = source["present"];
	        this.actual = this.convertValues(source["actual"], PyramidDTO);
	        this.target = this.convertValues(source["target"], PyramidDTO);
	        this.suggestions = this.convertValues(source["suggestions"], SuggestionDTO);
	        this.members = this.convertValues(source["members"], LedgerMemberDTO);
	        this.tags = source["tags"];
	        this.screening = this.convertValues(source["screening"], ScreeningDTO);
	        this.inactiveDays = source["inactiveDays"];
	        this.strikeLimit = source["strikeLimit"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class LengthsDTO {
	    groupName: number;
	    notes: number;
	    tags: number;
	    tag: number;
	    pointsReason: number;
	    operator: number;
	    ruleWords: number;
	    ruleWord: number;
	    riskWords: number;
	    riskWord: number;
	    playbook: number;
	    template: number;
	    keyword: number;
	    keywords: number;
	    link: number;
	    minPassphrase: number;
	
	    static createFrom(source: any = {}) {
	        return new LengthsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupName = source["groupName"];
	        this.notes = source["notes"];
	        this.tags = source["tags"];
	        this.tag = source["tag"];
	        this.pointsReason = source["pointsReason"];
	        this.operator = source["operator"];
	        this.ruleWords = source["ruleWords"];
	        this.ruleWord = source["ruleWord"];
	        this.riskWords = source["riskWords"];
	        this.riskWord = source["riskWord"];
	        this.playbook = source["playbook"];
	        this.template = source["template"];
	        this.keyword = source["keyword"];
	        this.keywords = source["keywords"];
	        this.link = source["link"];
	        this.minPassphrase = source["minPassphrase"];
	    }
	}
	
	export class RangeDTO {
	    min: number;
	    max: number;
	    off: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RangeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.min = source["min"];
	        this.max = source["max"];
	        this.off = source["off"];
	    }
	}
	export class LimitsDTO {
	    cadenceShares: RangeDTO;
	    cadenceCap: RangeDTO;
	    cadenceGap: RangeDTO;
	    screeningOpen: RangeDTO;
	    screeningClose: RangeDTO;
	    riskThreshold: RangeDTO;
	    backupKeep: RangeDTO;
	    floodCount: RangeDTO;
	    floodSeconds: RangeDTO;
	    strikeDays: RangeDTO;
	    strikeLimit: RangeDTO;
	    inactiveDays: RangeDTO;
	    shareQuota: RangeDTO;
	    targetSize: RangeDTO;
	    points: RangeDTO;
	    liveEvery: RangeDTO;
	    replyMinutes: RangeDTO;
	
	    static createFrom(source: any = {}) {
	        return new LimitsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cadenceShares = this.convertValues(source["cadenceShares"], RangeDTO);
	        this.cadenceCap = this.convertValues(source["cadenceCap"], RangeDTO);
	        this.cadenceGap = this.convertValues(source["cadenceGap"], RangeDTO);
	        this.screeningOpen = this.convertValues(source["screeningOpen"], RangeDTO);
	        this.screeningClose = this.convertValues(source["screeningClose"], RangeDTO);
	        this.riskThreshold = this.convertValues(source["riskThreshold"], RangeDTO);
	        this.backupKeep = this.convertValues(source["backupKeep"], RangeDTO);
	        this.floodCount = this.convertValues(source["floodCount"], RangeDTO);
	        this.floodSeconds = this.convertValues(source["floodSeconds"], RangeDTO);
	        this.strikeDays = this.convertValues(source["strikeDays"], RangeDTO);
	        this.strikeLimit = this.convertValues(source["strikeLimit"], RangeDTO);
	        this.inactiveDays = this.convertValues(source["inactiveDays"], RangeDTO);
	        this.shareQuota = this.convertValues(source["shareQuota"], RangeDTO);
	        this.targetSize = this.convertValues(source["targetSize"], RangeDTO);
	        this.points = this.convertValues(source["points"], RangeDTO);
	        this.liveEvery = this.convertValues(source["liveEvery"], RangeDTO);
	        this.replyMinutes = this.convertValues(source["replyMinutes"], RangeDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LinkRowErrDTO {
	    line: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new LinkRowErrDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.reason = source["reason"];
	    }
	}
	export class LinksDTO {
	    file: string;
	    clicks?: number;
	    reach?: number;
	    rows: LinkRowErrDTO[];
	    refused: number;
	    error: string;
	    week?: GroupWeekDTO;
	
	    static createFrom(source: any = {}) {
	        return new LinksDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.clicks = source["clicks"];
	        this.reach = source["reach"];
	        this.rows = this.convertValues(source["rows"], LinkRowErrDTO);
	        this.refused = source["refused"];
	        this.error = source["error"];
	        this.week = this.convertValues(source["week"], GroupWeekDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LiveSourceDTO {
	    groupId: number;
	    groupName: string;
	    kind: string;
	    url: string;
	    talker: string;
	    folder: string;
	    everySeconds: number;
	    enabled: boolean;
	    allowRemote: boolean;
	    notifyReminders: boolean;
	    notifyIncidents: boolean;
	    lastSyncAt: string;
	    lastError: string;
	    failures: number;
	
	    static createFrom(source: any = {}) {
	        return new LiveSourceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupId = source["groupId"];
	        this.groupName = source["groupName"];
	        this.kind = source["kind"];
	        this.url = source["url"];
	        this.talker = source["talker"];
	        this.folder = source["folder"];
	        this.everySeconds = source["everySeconds"];
	        this.enabled = source["enabled"];
	        this.allowRemote = source["allowRemote"];
	        this.notifyReminders = source["notifyReminders"];
	        this.notifyIncidents = source["notifyIncidents"];
	        this.lastSyncAt = source["lastSyncAt"];
	        this.lastError = source["lastError"];
	        this.failures = source["failures"];
	    }
	}
	export class WeekCountDTO {
	    week: string;
	    start: string;
	    messages: number;
	
	    static createFrom(source: any = {}) {
	        return new WeekCountDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.week = source["week"];
	        this.start = source["start"];
	        this.messages = source["messages"];
	    }
	}
	export class MessageDTO {
	    at: string;
	    kind: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new MessageDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.content = source["content"];
	    }
	}
	export class TimelineDTO {
	    at: string;
	    kind: string;
	    from: string;
	    to: string;
	    source: string;
	    rule: string;
	    content: string;
	    live: boolean;
	    key: string;
	    dismissed: boolean;
	    points: number;
	
	    static createFrom(source: any = {}) {
	        return new TimelineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.source = source["source"];
	        this.rule = source["rule"];
	        this.content = source["content"];
	        this.live = source["live"];
	        this.key = source["key"];
	        this.dismissed = source["dismissed"];
	        this.points = source["points"];
	    }
	}
	export class NameSeenDTO {
	    name: string;
	    first: string;
	    last: string;
	    messages: number;
	
	    static createFrom(source: any = {}) {
	        return new NameSeenDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.first = source["first"];
	        this.last = source["last"];
	        this.messages = source["messages"];
	    }
	}
	export class MemberDetailDTO {
	    member: LedgerMemberDTO;
	    nickname: string;
	    groupNickname: string;
	    remark: string;
	    wxid: string;
	    wechatId: string;
	    notes: string;
	    nameHistory: NameSeenDTO[];
	    timeline: TimelineDTO[];
	    messages: MessageDTO[];
	    weekly: WeekCountDTO[];
	
	    static createFrom(source: any = {}) {
	        return new MemberDetailDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member = this.convertValues(source["member"], LedgerMemberDTO);
	        this.nickname = source["nickname"];
	        this.groupNickname = source["groupNickname"];
	        this.remark = source["remark"];
	        this.wxid = source["wxid"];
	        this.wechatId = source["wechatId"];
	        this.notes = source["notes"];
	        this.nameHistory = this.convertValues(source["nameHistory"], NameSeenDTO);
	        this.timeline = this.convertValues(source["timeline"], TimelineDTO);
	        this.messages = this.convertValues(source["messages"], MessageDTO);
	        this.weekly = this.convertValues(source["weekly"], WeekCountDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MemberEditDTO {
	    version: number;
	    tier: string;
	    tierLocked: boolean;
	    tags: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new MemberEditDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.tier = source["tier"];
	        this.tierLocked = source["tierLocked"];
	        this.tags = source["tags"];
	        this.notes = source["notes"];
	    }
	}
	export class MergeMemberDTO {
	    id: number;
	    version: number;
	    name: string;
	    names: string[];
	    firstMessageAt: string;
	    lastMessageAt: string;
	    messages: number;
	
	    static createFrom(source: any = {}) {
	        return new MergeMemberDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.name = source["name"];
	        this.names = source["names"];
	        this.firstMessageAt = source["firstMessageAt"];
	        this.lastMessageAt = source["lastMessageAt"];
	        this.messages = source["messages"];
	    }
	}
	export class MergeCandidateDTO {
	    name: string;
	    into: MergeMemberDTO;
	    from: MergeMemberDTO[];
	
	    static createFrom(source: any = {}) {
	        return new MergeCandidateDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.into = this.convertValues(source["into"], MergeMemberDTO);
	        this.from = this.convertValues(source["from"], MergeMemberDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class MergeRequestDTO {
	    groupId: number;
	    intoId: number;
	    intoVersion: number;
	    fromIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new MergeRequestDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupId = source["groupId"];
	        this.intoId = source["intoId"];
	        this.intoVersion = source["intoVersion"];
	        this.fromIds = source["fromIds"];
	    }
	}
	export class MergeResultDTO {
	    batchId: number;
	    label: string;
	    intoId: number;
	    name: string;
	    merged: number;
	    duplicates: number;
	
	    static createFrom(source: any = {}) {
	        return new MergeResultDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batchId = source["batchId"];
	        this.label = source["label"];
	        this.intoId = source["intoId"];
	        this.name = source["name"];
	        this.merged = source["merged"];
	        this.duplicates = source["duplicates"];
	    }
	}
	
	export class MixShareDTO {
	    type: string;
	    percent: number;
	
	    static createFrom(source: any = {}) {
	        return new MixShareDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.percent = source["percent"];
	    }
	}
	export class MoveTableDTO {
	    table: string;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new MoveTableDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.table = source["table"];
	        this.rows = source["rows"];
	    }
	}
	export class MoveResultDTO {
	    from: string;
	    to: string;
	    toMode: string;
	    tables: MoveTableDTO[];
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new MoveResultDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.toMode = source["toMode"];
	        this.tables = this.convertValues(source["tables"], MoveTableDTO);
	        this.rows = source["rows"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class TeamOperatorDTO {
	    name: string;
	    role: string;
	    login: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new TeamOperatorDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.role = source["role"];
	        this.login = source["login"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class NewTeamOperatorDTO {
	    operator: TeamOperatorDTO;
	    password: string;
	
	    static createFrom(source: any = {}) {
	        return new NewTeamOperatorDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.operator = this.convertValues(source["operator"], TeamOperatorDTO);
	        this.password = source["password"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OperatorDTO {
	    name: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new OperatorDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.source = source["source"];
	    }
	}
	export class ThresholdsDTO {
	    responseMinutes: number;
	    newMembers: number;
	    muteRatePercent: number;
	    linkClickPercent: number;
	    checksTotal: number;
	    scoreGood: number;
	    scoreFair: number;
	    adminPercent: number;
	    corePercent: number;
	    normalPercent: number;
	    topPercent: number;
	    minFriends: number;
	    minOverlapPercent: number;
	    activityDays: number;
	    trendWeeks: number;
	    replyWindowMinutes: number;
	    primeStartMinute: number;
	    primeEndMinute: number;
	    fraudTimerMinutes: number;
	    targetMix: MixShareDTO[];
	    openRatePercent: number;
	    conversionPercent: number;
	    participationPercent: number;
	
	    static createFrom(source: any = {}) {
	        return new ThresholdsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.responseMinutes = source["responseMinutes"];
	        this.newMembers = source["newMembers"];
	        this.muteRatePercent = source["muteRatePercent"];
	        this.linkClickPercent = source["linkClickPercent"];
	        this.checksTotal = source["checksTotal"];
	        this.scoreGood = source["scoreGood"];
	        this.scoreFair = source["scoreFair"];
	        this.adminPercent = source["adminPercent"];
	        this.corePercent = source["corePercent"];
	        this.normalPercent = source["normalPercent"];
	        this.topPercent = source["topPercent"];
	        this.minFriends = source["minFriends"];
	        this.minOverlapPercent = source["minOverlapPercent"];
	        this.activityDays = source["activityDays"];
	        this.trendWeeks = source["trendWeeks"];
	        this.replyWindowMinutes = source["replyWindowMinutes"];
	        this.primeStartMinute = source["primeStartMinute"];
	        this.primeEndMinute = source["primeEndMinute"];
	        this.fraudTimerMinutes = source["fraudTimerMinutes"];
	        this.targetMix = this.convertValues(source["targetMix"], MixShareDTO);
	        this.openRatePercent = source["openRatePercent"];
	        this.conversionPercent = source["conversionPercent"];
	        this.participationPercent = source["participationPercent"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PointsDTO {
	    checkin: number;
	    share: number;
	
	    static createFrom(source: any = {}) {
	        return new PointsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.checkin = source["checkin"];
	        this.share = source["share"];
	    }
	}
	export class OptionsDTO {
	    limits: LimitsDTO;
	    lengths: LengthsDTO;
	    defaults: DefaultsDTO;
	    points: PointsDTO;
	    thresholds: ThresholdsDTO;
	
	    static createFrom(source: any = {}) {
	        return new OptionsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.limits = this.convertValues(source["limits"], LimitsDTO);
	        this.lengths = this.convertValues(source["lengths"], LengthsDTO);
	        this.defaults = this.convertValues(source["defaults"], DefaultsDTO);
	        this.points = this.convertValues(source["points"], PointsDTO);
	        this.thresholds = this.convertValues(source["thresholds"], ThresholdsDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PendingDTO {
	    id: number;
	    groupId: number;
	    groupName: string;
	    kind: string;
	    level: number;
	    name: string;
	    text: string;
	    at: string;
	    waitingMinutes: number;
	    heldUntil: string;
	    incidentId: number;
	    set: string;
	    incidentType: string;
	    dueAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PendingDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.groupId = source["groupId"];
	        this.groupName = source["groupName"];
	        this.kind = source["kind"];
	        this.level = source["level"];
	        this.name = source["name"];
	        this.text = source["text"];
	        this.at = source["at"];
	        this.waitingMinutes = source["waitingMinutes"];
	        this.heldUntil = source["heldUntil"];
	        this.incidentId = source["incidentId"];
	        this.set = source["set"];
	        this.incidentType = source["incidentType"];
	        this.dueAt = source["dueAt"];
	    }
	}
	export class PlaceholderDTO {
	    key: string;
	    zh: string;
	
	    static createFrom(source: any = {}) {
	        return new PlaceholderDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.zh = source["zh"];
	    }
	}
	
	export class PlaybookDTO {
	    key: string;
	    category: string;
	    title: string;
	    body: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new PlaybookDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.category = source["category"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.version = source["version"];
	    }
	}
	export class PlaybookVarsDTO {
	    group: string;
	    date: string;
	    event: string;
	    backup: string;
	
	    static createFrom(source: any = {}) {
	        return new PlaybookVarsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.date = source["date"];
	        this.event = source["event"];
	        this.backup = source["backup"];
	    }
	}
	export class PlaybooksDTO {
	    lang: string;
	    items: PlaybookDTO[];
	    vars: PlaybookVarsDTO;
	
	    static createFrom(source: any = {}) {
	        return new PlaybooksDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lang = source["lang"];
	        this.items = this.convertValues(source["items"], PlaybookDTO);
	        this.vars = this.convertValues(source["vars"], PlaybookVarsDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PollDTO {
	    imported: number;
	    reminders: number;
	    hints: number;
	    incidents: number;
	    held: number;
	    answered: number;
	    files: number;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new PollDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.imported = source["imported"];
	        this.reminders = source["reminders"];
	        this.hints = source["hints"];
	        this.incidents = source["incidents"];
	        this.held = source["held"];
	        this.answered = source["answered"];
	        this.files = source["files"];
	        this.warnings = source["warnings"];
	    }
	}
	export class PresenterDTO {
	    id: number;
	    name: string;
	    names: string[];
	    present: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PresenterDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.names = source["names"];
	        this.present = source["present"];
	    }
	}
	
	export class QuestionDTO {
	    name: string;
	    at: string;
	    text: string;
	    answeredAt?: string;
	    answeredBy?: string;
	    delayMinutes?: number;
	    late: boolean;
	
	    static createFrom(source: any = {}) {
	        return new QuestionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.at = source["at"];
	        this.text = source["text"];
	        this.answeredAt = source["answeredAt"];
	        this.answeredBy = source["answeredBy"];
	        this.delayMinutes = source["delayMinutes"];
	        this.late = source["late"];
	    }
	}
	export class QuestionsDTO {
	    limitMinutes: number;
	    questions: QuestionDTO[];
	    unanswered: UnansweredDTO[];
	
	    static createFrom(source: any = {}) {
	        return new QuestionsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.limitMinutes = source["limitMinutes"];
	        this.questions = this.convertValues(source["questions"], QuestionDTO);
	        this.unanswered = this.convertValues(source["unanswered"], UnansweredDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class ReplyMatchDTO {
	    id: number;
	    score: number;
	    keywords: string[];
	    partial: string[];
	    filled: FilledTextDTO;
	
	    static createFrom(source: any = {}) {
	        return new ReplyMatchDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.score = source["score"];
	        this.keywords = source["keywords"];
	        this.partial = source["partial"];
	        this.filled = this.convertValues(source["filled"], FilledTextDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RiskSetDTO {
	    key: string;
	    category: string;
	    level: number;
	    words: string[];
	    threshold: number;
	    enabled: boolean;
	    version: number;
	    scope: string;
	
	    static createFrom(source: any = {}) {
	        return new RiskSetDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.category = source["category"];
	        this.level = source["level"];
	        this.words = source["words"];
	        this.threshold = source["threshold"];
	        this.enabled = source["enabled"];
	        this.version = source["version"];
	        this.scope = source["scope"];
	    }
	}
	export class RiskViewDTO {
	    group: GroupDTO;
	    week: WeekDTO;
	    from: string;
	    now: string;
	    hits: HitDTO[];
	    incidents: IncidentDTO[];
	    opened: number;
	
	    static createFrom(source: any = {}) {
	        return new RiskViewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = this.convertValues(source["group"], GroupDTO);
	        this.week = this.convertValues(source["week"], WeekDTO);
	        this.from = source["from"];
	        this.now = source["now"];
	        this.hits = this.convertValues(source["hits"], HitDTO);
	        this.incidents = this.convertValues(source["incidents"], IncidentDTO);
	        this.opened = source["opened"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoomDTO {
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new RoomDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class RuleSetDTO {
	    adWords: string[];
	    whitelist: string[];
	    floodCount: number;
	    floodSeconds: number;
	    attackWords: string[];
	    strikeDays: number;
	    strikeLimit: number;
	    inactiveDays: number;
	    shareQuota: number;
	    replyMinutes: number;
	
	    static createFrom(source: any = {}) {
	        return new RuleSetDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.adWords = source["adWords"];
	        this.whitelist = source["whitelist"];
	        this.floodCount = source["floodCount"];
	        this.floodSeconds = source["floodSeconds"];
	        this.attackWords = source["attackWords"];
	        this.strikeDays = source["strikeDays"];
	        this.strikeLimit = source["strikeLimit"];
	        this.inactiveDays = source["inactiveDays"];
	        this.shareQuota = source["shareQuota"];
	        this.replyMinutes = source["replyMinutes"];
	    }
	}
	
	
	export class SecurityDTO {
	    protected: boolean;
	    minLength: number;
	    backupsDir: string;
	    keep: number;
	    backups: BackupDTO[];
	    autoError: string;
	
	    static createFrom(source: any = {}) {
	        return new SecurityDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.protected = source["protected"];
	        this.minLength = source["minLength"];
	        this.backupsDir = source["backupsDir"];
	        this.keep = source["keep"];
	        this.backups = this.convertValues(source["backups"], BackupDTO);
	        this.autoError = source["autoError"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SparklineDTO {
	    groupId: number;
	    weeks: WeekDTO[];
	    messages: number[];
	
	    static createFrom(source: any = {}) {
	        return new SparklineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupId = source["groupId"];
	        this.weeks = this.convertValues(source["weeks"], WeekDTO);
	        this.messages = source["messages"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StartStepDTO {
	    step: string;
	    done: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StartStepDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.step = source["step"];
	        this.done = source["done"];
	    }
	}
	export class StartDTO {
	    groupId: number;
	    steps: StartStepDTO[];
	    complete: boolean;
	    dismissed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StartDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupId = source["groupId"];
	        this.steps = this.convertValues(source["steps"], StartStepDTO);
	        this.complete = source["complete"];
	        this.dismissed = source["dismissed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class SystemInfoDTO {
	    productName: string;
	    version: string;
	    language: string;
	    dataDir: string;
	    dbPath: string;
	    keyPath: string;
	    platform: string;
	    welcome: boolean;
	    locked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfoDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productName = source["productName"];
	        this.version = source["version"];
	        this.language = source["language"];
	        this.dataDir = source["dataDir"];
	        this.dbPath = source["dbPath"];
	        this.keyPath = source["keyPath"];
	        this.platform = source["platform"];
	        this.welcome = source["welcome"];
	        this.locked = source["locked"];
	    }
	}
	
	export class TeamOperatorInputDTO {
	    name: string;
	    role: string;
	    login: string;
	    password: string;
	
	    static createFrom(source: any = {}) {
	        return new TeamOperatorInputDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.role = source["role"];
	        this.login = source["login"];
	        this.password = source["password"];
	    }
	}
	export class TeamStatusDTO {
	    mode: string;
	    database: string;
	    keyPath: string;
	    operator: string;
	    role: string;
	    logins: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TeamStatusDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.database = source["database"];
	        this.keyPath = source["keyPath"];
	        this.operator = source["operator"];
	        this.role = source["role"];
	        this.logins = source["logins"];
	    }
	}
	export class WelcomeTemplateDTO {
	    text: string;
	    rulesLink: string;
	    version: number;
	    preview: FilledTextDTO;
	
	    static createFrom(source: any = {}) {
	        return new WelcomeTemplateDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.rulesLink = source["rulesLink"];
	        this.version = source["version"];
	        this.preview = this.convertValues(source["preview"], FilledTextDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TemplatesDTO {
	    group: GroupDTO;
	    welcome: WelcomeTemplateDTO;
	    replies: KeywordReplyDTO[];
	    placeholders: PlaceholderDTO[];
	    minScore: number;
	
	    static createFrom(source: any = {}) {
	        return new TemplatesDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = this.convertValues(source["group"], GroupDTO);
	        this.welcome = this.convertValues(source["welcome"], WelcomeTemplateDTO);
	        this.replies = this.convertValues(source["replies"], KeywordReplyDTO);
	        this.placeholders = this.convertValues(source["placeholders"], PlaceholderDTO);
	        this.minScore = source["minScore"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class ViolationDTO {
	    id: number;
	    key: string;
	    rule: string;
	    memberId: number;
	    name: string;
	    at: string;
	    content: string;
	    context: ContextDTO[];
	    decision: string;
	    strikes: number;
	    struckOut: boolean;
	    present: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ViolationDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.key = source["key"];
	        this.rule = source["rule"];
	        this.memberId = source["memberId"];
	        this.name = source["name"];
	        this.at = source["at"];
	        this.content = source["content"];
	        this.context = this.convertValues(source["context"], ContextDTO);
	        this.decision = source["decision"];
	        this.strikes = source["strikes"];
	        this.struckOut = source["struckOut"];
	        this.present = source["present"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ViolationQueueDTO {
	    group: GroupDTO;
	    week: WeekDTO;
	    rules: RuleSetDTO;
	    custom: boolean;
	    violations: ViolationDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ViolationQueueDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = this.convertValues(source["group"], GroupDTO);
	        this.week = this.convertValues(source["week"], WeekDTO);
	        this.rules = this.convertValues(source["rules"], RuleSetDTO);
	        this.custom = source["custom"];
	        this.violations = this.convertValues(source["violations"], ViolationDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	

}

