export namespace app {
	
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
	    maxNameLength: number;
	
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
	        this.maxNameLength = source["maxNameLength"];
	    }
	}
	export class WeekInputDTO {
	    muteRate?: number;
	    linkClicks?: number;
	    linkReach?: number;
	
	    static createFrom(source: any = {}) {
	        return new WeekInputDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.muteRate = source["muteRate"];
	        this.linkClicks = source["linkClicks"];
	        this.linkReach = source["linkReach"];
	    }
	}
	export class WeekDTO {
	    week: string;
	    start: string;
	    end: string;
	
	    static createFrom(source: any = {}) {
	        return new WeekDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.week = source["week"];
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class GroupWeekDTO {
	    group: GroupDTO;
	    week: WeekDTO;
	    figures: {[key: string]: any};
	    sources: {[key: string]: string};
	    alerts: AlertDTO[];
	    input: WeekInputDTO;
	
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
	    }
	}
	

}

