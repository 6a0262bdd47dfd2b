export namespace app {
	
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
	export class SystemInfoDTO {
	    productName: string;
	    version: string;
	    language: string;
	    dataDir: string;
	    dbPath: string;
	    keyPath: string;
	    platform: string;
	
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
	    }
	}

}

