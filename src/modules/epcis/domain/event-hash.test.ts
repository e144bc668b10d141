import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventHashId, preHashString } from "./event-hash";
import type { EpcisEvent, Namespaces } from "./types";

/*
 * Reference vectors: events re-typed from the example documents of the reference implementation,
 * https://github.com/RalphTro/epcis-event-hash-generator, with the CBV 2.0 hashes it publishes for them under
 * tests/examples/expected/CBV2.0/. Each vector names its files.
 */

/**
 * Most reference documents name the unversioned EPCIS context (https://ref.gs1.org/standards/epcis/
 * epcis-context.jsonld, now the 2.1 one), whose `gs1` prefix is https://ref.gs1.org/voc/; the 2.0.0 context,
 * Lumbung's default, says https://gs1.org/voc/. The prefix decides how a bare sensor type such as
 * "Temperature" expands, so those vectors pass the document's `gs1` along with its own prefixes.
 */
const CURRENT_CONTEXT_GS1: [string, string] = ["gs1", "https://ref.gs1.org/voc/"];

/** The "ext1"…"ext3" documents (…_all_possible_fields.json) repeat this extension content verbatim. */
const ALL_FIELDS_NAMESPACES: Namespaces = new Map([
  ["ext3", "http://example.com/ext3/"],
  ["ext2", "http://example.com/ext2/"],
  ["ext1", "http://example.com/ext1/"],
  CURRENT_CONTEXT_GS1,
]);

const EXT_OBJECT = {
  "ext2:array": ["11", "21", "stringInArrayInObject"],
  "ext2:object": { "ext2:object": { "ext3:string": "stringInObjectInObject" } },
  "ext2:string": "stringInObject",
};

const EXT_OBJECT_IN_ARRAY = {
  "ext2:array": ["14", "23.0", "stringInArrayInObjectInArray"],
  "ext2:object": { "ext2:object": { "ext3:string": "stringInObjectInObjectInArray" } },
  "ext2:int": "13",
  "ext2:string": "stringInObjectInArray",
};

const ALL_FIELDS_EXTENSIONS = {
  "ext1:float": "20",
  "ext1:time": "2013-06-08T14:58:56.591Z",
  "ext1:array": [
    "12",
    "22",
    "2013-06-08T14:58:56.591Z",
    "true",
    "stringInArray",
    { "ext1:object": { "ext1:object": EXT_OBJECT_IN_ARRAY } },
  ],
  "ext1:boolean": "true",
  "ext1:object": EXT_OBJECT,
  "ext1:default": "stringAsDefaultValue",
  "ext1:int": "10",
  "ext1:string": "string",
};

const ALL_FIELDS_ERROR_DECLARATION = (declarationTime: string) => ({
  declarationTime,
  reason: "incorrect_data",
  correctiveEventIDs: [
    "ni:///sha-256;fec9667280c4710a3fa9558b7bc8ddc2ced0dc442d87f82becae24bb6ca6a46f?ver=CBV2.0",
  ],
});

const ALL_FIELDS_PARTIES = {
  bizTransactionList: [
    { type: "po", bizTransaction: "urn:epc:id:gdti:0614141.00001.1618034" },
    { type: "pedigree", bizTransaction: "urn:epc:id:gsrn:0614141.0000010253" },
  ],
  sourceList: [
    { type: "location", source: "urn:epc:id:sgln:4012345.00225.0" },
    { type: "possessing_party", source: "urn:epc:id:pgln:4012345.00225" },
    { type: "owning_party", source: "urn:epc:id:pgln:4012345.00225" },
  ],
  destinationList: [
    { type: "location", destination: "urn:epc:id:sgln:0614141.00777.0" },
    { type: "possessing_party", destination: "urn:epc:id:pgln:0614141.00777" },
    { type: "owning_party", destination: "urn:epc:id:pgln:0614141.00777" },
  ],
};

const ALL_FIELDS_SENSOR_ELEMENT_LIST = [
  {
    sensorMetadata: {
      time: "2019-04-02T13:05:00.000Z",
      deviceID: "urn:epc:id:giai:4000001.111",
      deviceMetadata: "https://id.gs1.org/8004/4000001111",
      rawData: "https://example.org/8004/401234599999",
      startTime: "2019-04-02T12:55:01.000Z",
      endTime: "2019-04-02T13:55:00.000Z",
      dataProcessingMethod: "https://example.com/253/4012345000054987",
      bizRules: "https://example.com/253/4012345000054987",
      "ext1:someFurtherMetadata": "someText",
    },
    sensorReport: [
      {
        type: "Temperature",
        deviceID: "urn:epc:id:giai:4000001.111",
        rawData: "https://example.org/8004/401234599999",
        dataProcessingMethod: "https://example.com/253/4012345000054987",
        time: "2019-07-19T13:00:00.000Z",
        microorganism: "https://www.ncbi.nlm.nih.gov/taxonomy/1126011",
        chemicalSubstance: "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N",
        value: 26,
        component: "example:x",
        stringValue: "SomeString",
        booleanValue: true,
        hexBinaryValue: "f0f0f0",
        uriValue: "https://id.gs1.org/8004/4000001111",
        minValue: 26,
        maxValue: 26.2,
        meanValue: 13.2,
        percRank: 50,
        percValue: 12.7,
        uom: "CEL",
        sDev: 0.1,
        "ext1:someFurtherReportData": "someText",
        deviceMetadata: "https://id.gs1.org/8004/4000001111",
      },
    ],
    ...ALL_FIELDS_EXTENSIONS,
  },
];

interface Vector {
  name: string;
  event: EpcisEvent;
  namespaces: Namespaces;
  hash: string;
  /** Given where the reference's pre-hash string is short enough to read in a failure message. */
  preHash?: string;
}

const VECTORS: Vector[] = [
  {
    // tests/examples/documents/ReferenceEventHashAlgorithm.jsonld (EPCIS 2.0.0 context)
    // tests/examples/expected/CBV2.0/ReferenceEventHashAlgorithm.hashes
    name: "ObjectEvent with nested user extensions (ReferenceEventHashAlgorithm)",
    namespaces: new Map([["example", "https://ns.example.com/epcis/"]]),
    event: {
      type: "ObjectEvent",
      eventTime: "2020-03-04T11:00:30.000+01:00",
      eventTimeZoneOffset: "+01:00",
      recordTime: "2020-03-04T11:00:30.999+01:00",
      epcList: [
        "urn:epc:id:sscc:4012345.0000000333",
        "urn:epc:id:sscc:4012345.0000000111",
        "urn:epc:id:sscc:4012345.0000000222",
      ],
      action: "OBSERVE",
      bizStep: "departing",
      readPoint: { id: "urn:epc:id:sgln:4012345.00011.987" },
      "example:myField1": { "example:mySubField1": "2", "example:mySubField2": "5" },
      "example:myField2": "0",
      "example:myField3": { "example:mySubField3": ["3", "1"] },
    },
    // The same string is quoted in the repository's issue #88.
    preHash:
      "eventType=ObjectEventeventTime=2020-03-04T10:00:30.000ZeventTimeZoneOffset=+01:00" +
      "epcListepc=https://id.gs1.org/00/040123450000001112epc=https://id.gs1.org/00/040123450000002225" +
      "epc=https://id.gs1.org/00/040123450000003338action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-departing" +
      "readPointid=https://id.gs1.org/414/4012345000115/254/987" +
      "{https://ns.example.com/epcis/}myField1{https://ns.example.com/epcis/}mySubField1=2" +
      "{https://ns.example.com/epcis/}mySubField2=5{https://ns.example.com/epcis/}myField2=0" +
      "{https://ns.example.com/epcis/}myField3{https://ns.example.com/epcis/}mySubField3=1" +
      "{https://ns.example.com/epcis/}mySubField3=3",
    hash: "ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0",
  },
  {
    // tests/examples/documents/ObjectEvent_all_possible_fields.json
    // tests/examples/expected/CBV2.0/ObjectEvent_all_possible_fields.hashes
    name: "ObjectEvent with every field, sensors, ILMD and extensions (ObjectEvent_all_possible_fields)",
    namespaces: ALL_FIELDS_NAMESPACES,
    event: {
      type: "ObjectEvent",
      eventTime: "2005-04-05T02:33:31.116Z",
      eventTimeZoneOffset: "-06:00",
      eventID: "urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8",
      certificationInfo: "https://accreditation-council.example.org/certificate/ABC12345",
      errorDeclaration: ALL_FIELDS_ERROR_DECLARATION("2006-11-07T14:00:00.000+01:00"),
      epcList: ["urn:epc:id:sgtin:0614141.107346.2018"],
      action: "ADD",
      bizStep: "receiving",
      disposition: "in_progress",
      readPoint: { id: "urn:epc:id:sgln:0012345.11111.400" },
      bizLocation: { id: "urn:epc:id:sgln:0012345.11111.0" },
      bizTransactionList: ALL_FIELDS_PARTIES.bizTransactionList,
      quantityList: [{ epcClass: "urn:epc:class:lgtin:4012345.012345.998877", quantity: 200, uom: "KGM" }],
      sourceList: ALL_FIELDS_PARTIES.sourceList,
      destinationList: ALL_FIELDS_PARTIES.destinationList,
      sensorElementList: ALL_FIELDS_SENSOR_ELEMENT_LIST,
      persistentDisposition: { unset: ["completeness_inferred"], set: ["completeness_verified"] },
      ilmd: {
        ...ALL_FIELDS_EXTENSIONS,
        "cbvmda:countryOfExport": "KR",
        "cbvmda:grossWeight": "3.5",
        "cbvmda:netWeight": "3.5",
        "cbvmda:countryOfOrigin": "GB",
        "cbvmda:drainedWeight": "3.5",
        "cbvmda:lotNumber": "ABC123",
      },
      ...ALL_FIELDS_EXTENSIONS,
    },
    hash: "ni:///sha-256;9811bfb2672e9c3a0f6151be339d22b60db375c8b23d2740f6137cc6539f0639?ver=CBV2.0",
  },
  {
    // tests/examples/documents/AggregationEvent_all_possible_fields.json
    // tests/examples/expected/CBV2.0/AggregationEvent_all_possible_fields.hashes
    name: "AggregationEvent with every field (AggregationEvent_all_possible_fields)",
    namespaces: ALL_FIELDS_NAMESPACES,
    event: {
      type: "AggregationEvent",
      eventTime: "2013-06-08T14:58:56.591Z",
      eventTimeZoneOffset: "+02:00",
      eventID: "ni:///sha-256;cd834b5a08e76778617369c29c9ecc1007508a0ae5dcf063e48b6bf05eb10097?ver=CBV2.0",
      certificationInfo: "https://accreditation-council.example.org/certificate/ABC12345",
      errorDeclaration: ALL_FIELDS_ERROR_DECLARATION("2013-11-07T14:00:00.000+01:00"),
      parentID: "urn:epc:id:sscc:0614141.1234567890",
      childEPCs: ["urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"],
      action: "OBSERVE",
      bizStep: "receiving",
      disposition: "in_progress",
      readPoint: { id: "urn:epc:id:sgln:0037000.00729.8202" },
      bizLocation: { id: "urn:epc:id:sgln:0037000.00729.8202" },
      bizTransactionList: ALL_FIELDS_PARTIES.bizTransactionList,
      childQuantityList: [
        { epcClass: "urn:epc:idpat:sgtin:4012345.098765.*", quantity: 10 },
        { epcClass: "urn:epc:class:lgtin:4012345.012345.998877", quantity: 200.5, uom: "KGM" },
      ],
      sourceList: ALL_FIELDS_PARTIES.sourceList,
      destinationList: ALL_FIELDS_PARTIES.destinationList,
      sensorElementList: ALL_FIELDS_SENSOR_ELEMENT_LIST,
      ...ALL_FIELDS_EXTENSIONS,
    },
    hash: "ni:///sha-256;41cf5d2be6b6926acc531597e43932eb4b9b23926ccb6ce08c882bda7a74d1a8?ver=CBV2.0",
  },
  {
    // tests/examples/documents/TransactionEvent_all_possible_fields.json
    // tests/examples/expected/CBV2.0/TransactionEvent_all_possible_fields.hashes
    name: "TransactionEvent with every field (TransactionEvent_all_possible_fields)",
    namespaces: ALL_FIELDS_NAMESPACES,
    event: {
      type: "TransactionEvent",
      eventTime: "2005-04-04T02:33:31.116Z",
      eventTimeZoneOffset: "-06:00",
      eventID: "ni:///sha-256;45a99ca926fdb62b61bb2b29620e1dcdd5b0109613700f7e179881d64d8fabf1?ver=CBV2.0",
      certificationInfo: "https://accreditation-council.example.org/certificate/ABC12345",
      errorDeclaration: ALL_FIELDS_ERROR_DECLARATION("2006-11-07T14:00:00.000+01:00"),
      bizTransactionList: ALL_FIELDS_PARTIES.bizTransactionList,
      parentID: "urn:epc:id:sscc:0614141.1234567890",
      epcList: ["urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"],
      action: "ADD",
      bizStep: "shipping",
      disposition: "in_transit",
      readPoint: { id: "urn:epc:id:sgln:0614141.07346.1234" },
      bizLocation: { id: "urn:epc:id:sgln:0614141.00888.0" },
      quantityList: [{ epcClass: "urn:epc:class:lgtin:4012345.011111.4444", quantity: 10, uom: "KGM" }],
      sourceList: ALL_FIELDS_PARTIES.sourceList,
      destinationList: ALL_FIELDS_PARTIES.destinationList,
      sensorElementList: ALL_FIELDS_SENSOR_ELEMENT_LIST,
      ...ALL_FIELDS_EXTENSIONS,
    },
    hash: "ni:///sha-256;4a85d64a96409f0c57baed258666b26d83e6690d204a8aaed4c7e2624d8b0c81?ver=CBV2.0",
  },
  {
    // tests/examples/documents/TransformationEventWithUserExtensions.json
    // tests/examples/expected/CBV2.0/TransformationEventWithUserExtensions.hashes
    name: "TransformationEvent with extensions in standard fields (TransformationEventWithUserExtensions)",
    namespaces: new Map([
      ["example", "http://ns.example.com/epcis/"],
      ["example2", "http://ns.example.com/epcis-2/"],
      ["example3", "http://ns.example.com/epcis-3/"],
      ["example4", "http://ns.example.com/epcis-4/"],
      CURRENT_CONTEXT_GS1,
    ]),
    event: {
      type: "TransformationEvent",
      eventTime: "2020-09-29T14:00:00+02:00",
      eventTimeZoneOffset: "+02:00",
      errorDeclaration: {
        declarationTime: "2020-09-29T15:00:00+02:00",
        "example:issuer": "Employee 123",
        "example3:errorCodes": { "example3:value1": "34", "example3:value44": "66" },
        "example:field": { "example:furtherData": "abcd1234" },
      },
      inputQuantityList: [
        { epcClass: "urn:epc:class:lgtin:4023333.055555.ABC123", quantity: 25.0, uom: "KGM" },
      ],
      outputEPCList: ["urn:epc:id:sgtin:4012345.012345.987", "urn:epc:id:sgtin:4012345.012345.988"],
      bizStep: "commissioning",
      readPoint: { id: "urn:epc:id:sgln:4023333.00000.0", "example:gs1ES": "(414)4023333000000" },
      bizLocation: { id: "urn:epc:id:sgln:4023333.00001.12", "example:gs1ES": "(414)4023333000017 (254)12" },
      ilmd: {
        "cbvmda:lotNumber": "LOTABC",
        "example:grading": "A",
        "example2:userMasterData": { "example2:sizeCode": "B-2" },
      },
      sensorElementList: [
        {
          sensorMetadata: {
            startTime: "2019-04-01T15:00:00+01:00",
            endTime: "2019-04-02T14:59:59.999+01:00",
            "example:someFurtherMetaData": "someText",
          },
          sensorReport: [
            {
              type: "Temperature",
              minValue: 12.4,
              maxValue: 13.8,
              meanValue: 13.2,
              percRank: 50.0,
              percValue: 12.7,
              uom: "CEL",
              sDev: 0.41,
              "example:cv": "123",
            },
            { type: "example:someSensorProperty", stringValue: "someSensorOutput" },
          ],
          "example:furtherSensorData": { "example:measure1": "123.5", "example:measure2": "0.987" },
          "example:someUserField": "abc123",
        },
      ],
      "example:extension": { moreExtensions: { futureExtension: { tag1: "1", tag2: "2", tag3: "3" } } },
      "example:internalData": {
        "example:machine": "urn:epc:id:giai:4012345.ABC",
        "example:procedure": "A-1",
      },
      "example2:furtherData": { "example2:assemblyLine": "2", "example2:workingShift": "1" },
      "example4:otherThings": "some text",
    },
    preHash:
      "eventType=TransformationEventeventTime=2020-09-29T12:00:00.000ZeventTimeZoneOffset=+02:00" +
      "inputQuantityListquantityElementepcClass=https://id.gs1.org/01/04023333555555/10/ABC123quantity=25uom=KGM" +
      "outputEPCListepc=https://id.gs1.org/01/04012345123456/21/987epc=https://id.gs1.org/01/04012345123456/21/988" +
      "bizStep=https://ref.gs1.org/cbv/BizStep-commissioningreadPointid=https://id.gs1.org/414/4023333000000" +
      "bizLocationid=https://id.gs1.org/414/4023333000017/254/12" +
      "sensorElementsensorMetadatastartTime=2019-04-01T14:00:00.000ZendTime=2019-04-02T13:59:59.999Z" +
      "sensorReporttype=example:someSensorPropertystringValue=someSensorOutput" +
      "sensorReporttype=https://ref.gs1.org/voc/TemperatureminValue=12.4maxValue=13.8meanValue=13.2sDev=0.41" +
      "percRank=50percValue=12.7uom=CEL" +
      "ilmd{http://ns.example.com/epcis-2/}userMasterData{http://ns.example.com/epcis-2/}sizeCode=B-2" +
      "{http://ns.example.com/epcis/}grading=A{urn:epcglobal:cbv:mda}lotNumber=LOTABC" +
      "readPoint{http://ns.example.com/epcis/}gs1ES=(414)4023333000000" +
      "bizLocation{http://ns.example.com/epcis/}gs1ES=(414)4023333000017 (254)12" +
      "sensorElementsensorMetadata{http://ns.example.com/epcis/}someFurtherMetaData=someText" +
      "sensorReport{http://ns.example.com/epcis/}cv=123" +
      "{http://ns.example.com/epcis/}furtherSensorData{http://ns.example.com/epcis/}measure1=123.5" +
      "{http://ns.example.com/epcis/}measure2=0.987{http://ns.example.com/epcis/}someUserField=abc123" +
      "{http://ns.example.com/epcis-2/}furtherData{http://ns.example.com/epcis-2/}assemblyLine=2" +
      "{http://ns.example.com/epcis-2/}workingShift=1{http://ns.example.com/epcis-4/}otherThings=some text" +
      "{http://ns.example.com/epcis/}extensionmoreExtensionsfutureExtensiontag1=1tag2=2tag3=3" +
      "{http://ns.example.com/epcis/}internalData{http://ns.example.com/epcis/}machine=https://id.gs1.org/8004/4012345ABC" +
      "{http://ns.example.com/epcis/}procedure=A-1",
    hash: "ni:///sha-256;dca180f4e6005d4b6a6408a8d143977ca2e4f3e72048d7aa03b4df4055d484f9?ver=CBV2.0",
  },
  {
    // tests/examples/epcisDocWithSensorDataObjectEvent.jsonld
    // tests/examples/expected/CBV2.0/epcisDocWithSensorDataObjectEvent.{prehashes,hashes}
    // The stored copy of the document that could be read declares gs1 as https://gs1.org/voc/, while the
    // published pre-hash string expands the sensor types under https://ref.gs1.org/voc/ (the current context);
    // this vector follows the published pre-hash string, which it reproduces in full.
    name: "ObjectEvent with several sensor elements (epcisDocWithSensorDataObjectEvent)",
    namespaces: new Map([CURRENT_CONTEXT_GS1]),
    event: {
      type: "ObjectEvent",
      eventTime: "2022-02-16T15:00:00.000+01:00",
      eventTimeZoneOffset: "+01:00",
      epcList: ["urn:epc:id:sgtin:4012345.011111.9876"],
      action: "OBSERVE",
      bizStep: "inspecting",
      readPoint: { id: "urn:epc:id:sgln:4012345.00005.0" },
      sensorElementList: [
        ["2022-02-16T14:05:00.000+01:00", 26, 12.1, 160, 800],
        ["2022-02-16T14:35:00.000+01:00", 26.1, 12.2, 161, 801],
        ["2022-02-16T14:55:00.000+01:00", 26.2, 12.2, 162, 802],
      ].map(([time, temperature, humidity, speed, illuminance]) => ({
        sensorMetadata: {
          time,
          deviceID: "urn:epc:id:giai:4000001.111",
          deviceMetadata: "https://id.gs1.org/8004/4000001111",
          rawData: "https://id.example.org/8004/401234599999",
        },
        sensorReport: [
          { type: "Temperature", value: temperature, uom: "CEL" },
          { type: "AbsoluteHumidity", value: humidity, uom: "A93" },
          { type: "Speed", value: speed, uom: "KMH" },
          { type: "Illuminance", value: illuminance, uom: "LUX" },
        ],
      })),
    },
    hash: "ni:///sha-256;bea63f2741e3f4ae7cab8abba1be5bf172109f749bedaa7e8620fb9bd26847b5?ver=CBV2.0",
  },
  {
    // tests/examples/epcisDocWithShippingAndTransportingEvent.jsonld (first event; EPCIS 2.0.0 context)
    // tests/examples/expected/CBV2.0/epcisDocWithShippingAndTransportingEvent.hashes (first line)
    name: "ObjectEvent with business transaction, source and destination (ShippingAndTransporting, 1)",
    namespaces: new Map([["gs1", "https://gs1.org/voc/"]]),
    event: {
      type: "ObjectEvent",
      eventTime: "2022-02-16T12:50:00.000+01:00",
      eventTimeZoneOffset: "+01:00",
      epcList: ["urn:epc:id:sscc:4012345.1112223334"],
      action: "OBSERVE",
      bizStep: "departing",
      readPoint: { id: "urn:epc:id:sgln:4012345.00022.0" },
      bizTransactionList: [{ type: "desadv", bizTransaction: "urn:epcglobal:cbv:bt:4012345000009:ASN1099" }],
      sourceList: [{ type: "possessing_party", source: "urn:epc:id:pgln:4012345.00000" }],
      destinationList: [{ type: "possessing_party", destination: "urn:epc:id:pgln:4023333.00000" }],
    },
    preHash:
      "eventType=ObjectEventeventTime=2022-02-16T11:50:00.000ZeventTimeZoneOffset=+01:00" +
      "epcListepc=https://id.gs1.org/00/140123451122233341action=OBSERVE" +
      "bizStep=https://ref.gs1.org/cbv/BizStep-departingreadPointid=https://id.gs1.org/414/4012345000221" +
      "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-desadvbizTransaction=urn:epcglobal:cbv:bt:4012345000009:ASN1099" +
      "sourceListtype=https://ref.gs1.org/cbv/SDT-possessing_partysource=https://id.gs1.org/417/4012345000009" +
      "destinationListtype=https://ref.gs1.org/cbv/SDT-possessing_partydestination=https://id.gs1.org/417/4023333000000",
    hash: "ni:///sha-256;2919bf0587534fef0e25eea97b5dda68f345e6bbf2c6b4cb27b2a52e0039272b?ver=CBV2.0",
  },
  {
    // The same document's second event and the second line of the same .hashes file.
    name: "ObjectEvent with a geo: read point (ShippingAndTransporting, 2)",
    namespaces: new Map([["gs1", "https://gs1.org/voc/"]]),
    event: {
      type: "ObjectEvent",
      eventTime: "2022-02-16T16:50:00.000+01:00",
      eventTimeZoneOffset: "+01:00",
      epcList: ["urn:epc:id:sscc:4012345.1112223334"],
      action: "OBSERVE",
      bizStep: "transporting",
      readPoint: { id: "geo:47.506694,11.104301" },
    },
    hash: "ni:///sha-256;1d2ec4174d8f0b5988a44795b31a636e8bc7f88ebc4bdc0d35c14f215a842e80?ver=CBV2.0",
  },
];

function vector(nameContains: string): Vector {
  const found = VECTORS.find((v) => v.name.includes(nameContains));
  if (!found) throw new Error(`no reference vector named like "${nameContains}"`);
  return found;
}

describe("eventHashId: reference vectors", () => {
  it.each(VECTORS)("$name", ({ event, namespaces, hash, preHash }) => {
    if (preHash !== undefined) expect(preHashString(event, namespaces)).toBe(preHash);
    expect(eventHashId(event, namespaces)).toBe(hash);
  });

  it("is the SHA-256 of the pre-hash string in an RFC 6920 ni URI", () => {
    const { event, namespaces } = vector("ReferenceEventHashAlgorithm");
    const digest = createHash("sha256").update(preHashString(event, namespaces)).digest("hex");
    expect(eventHashId(event, namespaces)).toBe(`ni:///sha-256;${digest}?ver=CBV2.0`);
    expect(eventHashId(event, namespaces)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });
});

describe("preHashString", () => {
  const base: EpcisEvent = {
    type: "ObjectEvent",
    eventTime: "2024-05-01T08:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    epcList: ["urn:epc:id:sgtin:8991234.012345.1"],
    action: "OBSERVE",
    bizStep: "shipping",
  };
  const none: Namespaces = new Map();

  it("leaves out eventID, recordTime, errorDeclaration, certificationInfo, comments and @context", () => {
    const annotated: EpcisEvent = {
      ...base,
      "@context": [{ ex: "https://example.org/ns/" }],
      eventID: "urn:uuid:0b5d3f0e-6c43-4a73-9b0d-2f3e4f5a6b7c",
      recordTime: "2024-05-01T09:00:00Z",
      errorDeclaration: { declarationTime: "2024-05-02T00:00:00Z", reason: "did_not_occur" },
      certificationInfo: "https://cert.example.org/1",
      comment: "checked by hand",
      "rdfs:comment": "checked by hand",
    };
    expect(preHashString(annotated, none)).toBe(preHashString(base, none));
  });

  it("rounds timestamps half-up to milliseconds in UTC", () => {
    const at = (eventTime: string) => preHashString({ ...base, eventTime }, none);
    expect(at("2024-05-01T08:00:00.1415+07:00")).toContain("eventTime=2024-05-01T01:00:00.142Z");
    expect(at("2024-05-01T08:00:00.1414999+07:00")).toContain("eventTime=2024-05-01T01:00:00.141Z");
    expect(at("2024-12-31T23:59:59.9996-00:30")).toContain("eventTime=2025-01-01T00:30:00.000Z");
  });

  it("writes numbers without superfluous zeros or signs", () => {
    const withQuantity = (quantity: unknown) =>
      preHashString(
        { ...base, quantityList: [{ epcClass: "urn:epc:class:lgtin:8991234.012345.L1", quantity }] },
        none,
      );
    expect(withQuantity(12.5)).toContain("quantity=12.5action=");
    expect(withQuantity(12.5)).toBe(withQuantity("12.50"));
    expect(withQuantity("+012.50")).toBe(withQuantity(12.5));
    expect(withQuantity("1.25e1")).toBe(withQuantity(12.5));
    expect(withQuantity(3)).toBe(withQuantity("3.000"));
  });

  it("writes nothing for empty lists and empty values", () => {
    expect(preHashString({ ...base, quantityList: [], disposition: " ", bizTransactionList: [] }, none)).toBe(
      preHashString(base, none),
    );
  });

  it("expands extension prefixes, in ILMD and inside sensor elements too", () => {
    const ns: Namespaces = new Map([["lb", "https://lumbung.example.id/epcis/"]]);
    const pre = preHashString(
      {
        ...base,
        ilmd: { "lb:harvestDate": "2024-04-30", "lb:grade": { "lb:moisture": "14.0" } },
        sensorElementList: [{ sensorReport: [{ type: "Temperature", value: 30 }], "lb:probe": "P-7" }],
      },
      ns,
    );
    expect(pre).toContain(
      "ilmd{https://lumbung.example.id/epcis/}grade{https://lumbung.example.id/epcis/}moisture=14" +
        "{https://lumbung.example.id/epcis/}harvestDate=2024-04-30",
    );
    expect(pre).toContain("sensorReporttype=https://gs1.org/voc/Temperaturevalue=30");
    expect(pre.endsWith("sensorElement{https://lumbung.example.id/epcis/}probe=P-7")).toBe(true);
  });

  it("sorts by code point, so characters beyond U+FFFF follow U+FFFD as they do in UTF-8", () => {
    const ns: Namespaces = new Map([["lb", "https://lumbung.example.id/epcis/"]]);
    const pre = preHashString({ ...base, "lb:mark": ["\u{1F33E}", "\uFFFD"] }, ns);
    expect(pre).toContain("mark=\uFFFD{https://lumbung.example.id/epcis/}mark=\u{1F33E}");
  });

  it("still hashes content in a shape the standard does not give the field", () => {
    const misshapen = { ...base, readPoint: "urn:epc:id:sgln:8991234.00001.0", bizStep: { step: "drying" } };
    expect(preHashString(misshapen, none)).toContain("readPoint=https://id.gs1.org/414/8991234000015");
    expect(eventHashId(misshapen, none)).not.toBe(eventHashId({ ...base, bizStep: undefined }, none));
  });

  it("resolves CURIEs of the GS1 vocabularies in values, not those of user namespaces", () => {
    const ns: Namespaces = new Map([["lb", "https://lumbung.example.id/epcis/"]]);
    const pre = preHashString({ ...base, bizStep: "cbv:BizStep-shipping", "lb:kind": "lb:rice" }, ns);
    expect(pre).toContain("bizStep=https://ref.gs1.org/cbv/BizStep-shipping");
    expect(pre).toContain("{https://lumbung.example.id/epcis/}kind=lb:rice");
  });
});

/* Properties ------------------------------------------------------------------------------------------- */

const BIZ_STEPS = [
  "accepting",
  "commissioning",
  "inspecting",
  "receiving",
  "shipping",
  "storing",
  "transporting",
];
const DISPOSITIONS = ["active", "in_progress", "in_transit", "sellable_accessible", "damaged", "recalled"];
const TRANSACTION_TYPES = ["po", "inv", "desadv", "bol", "recadv"];
const PARTY_TYPES = ["owning_party", "possessing_party", "location"];

/** Bare word → the other two ways the same CBV term may be written. */
const CBV_FORMS: Record<string, { web: string; urn: string }> = {
  bizStep: { web: "https://ref.gs1.org/cbv/BizStep-", urn: "urn:epcglobal:cbv:bizstep:" },
  disposition: { web: "https://ref.gs1.org/cbv/Disp-", urn: "urn:epcglobal:cbv:disp:" },
  bizTransaction: { web: "https://ref.gs1.org/cbv/BTT-", urn: "urn:epcglobal:cbv:btt:" },
  party: { web: "https://ref.gs1.org/cbv/SDT-", urn: "urn:epcglobal:cbv:sdt:" },
};

const serial = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
const sgtin = fc
  .tuple(fc.constantFrom("8991234", "8997001", "4012345"), fc.stringMatching(/^\d{6}$/), serial)
  .map(([cp, item, s]) => `urn:epc:id:sgtin:${cp}.${item}.${s}`);
const lgtin = fc
  .tuple(fc.stringMatching(/^\d{6}$/), serial)
  .map(([item, lot]) => `urn:epc:class:lgtin:8991234.${item}.${lot}`);
const sgln = fc.stringMatching(/^\d{5}$/).map((loc) => `urn:epc:id:sgln:8991234.${loc}.0`);
const quantity = fc.oneof(
  fc.integer({ min: 1, max: 100_000 }),
  fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 1000),
);

/** An instant and the local time zone it was recorded in. */
const instant = fc.tuple(
  fc.date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2099-12-31T00:00:00Z"),
    noInvalidDate: true,
  }),
  fc.integer({ min: -48, max: 56 }).map((quarters) => quarters * 15),
);

/** `date` as local time at `offsetMinutes`, e.g. `2024-05-01T08:00:00.000+07:00`. */
function localTimestamp(date: Date, offsetMinutes: number, fractionDigits = 3): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const fraction = fractionDigits === 0 ? "" : `.${local.slice(20, 23).padEnd(fractionDigits, "0")}`;
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local.slice(0, 19)}${fraction}${zone}`;
}

const generatedEvent: fc.Arbitrary<EpcisEvent> = fc
  .record({
    time: instant,
    epcs: fc.uniqueArray(sgtin, { minLength: 1, maxLength: 6 }),
    quantities: fc.array(fc.record({ epcClass: lgtin, quantity, uom: fc.constantFrom("KGM", "TNE") }), {
      minLength: 1,
      maxLength: 4,
    }),
    bizStep: fc.constantFrom(...BIZ_STEPS),
    disposition: fc.constantFrom(...DISPOSITIONS),
    readPoint: sgln,
    transactions: fc.array(
      fc.record({
        type: fc.constantFrom(...TRANSACTION_TYPES),
        bizTransaction: serial.map((s) => `https://erp.example.id/po/${s}`),
      }),
      { maxLength: 3 },
    ),
    sources: fc.array(fc.record({ type: fc.constantFrom(...PARTY_TYPES), source: sgln }), { maxLength: 3 }),
    destinations: fc.array(fc.record({ type: fc.constantFrom(...PARTY_TYPES), destination: sgln }), {
      maxLength: 3,
    }),
    ilmd: fc.dictionary(
      fc.stringMatching(/^lb:[a-z]{1,8}$/),
      fc.oneof(serial, fc.array(serial, { maxLength: 3 })),
    ),
    extensions: fc.dictionary(
      fc.stringMatching(/^lb:[a-z]{1,8}$/),
      fc.dictionary(fc.stringMatching(/^lb:[a-z]{1,8}$/), serial),
    ),
  })
  .map(
    ({
      time: [date, offset],
      epcs,
      quantities,
      transactions,
      sources,
      destinations,
      ilmd,
      extensions,
      ...rest
    }) => ({
      type: "ObjectEvent" as const,
      eventTime: localTimestamp(date, offset),
      eventTimeZoneOffset: localTimestamp(date, offset).slice(-6),
      epcList: epcs,
      quantityList: quantities,
      action: "OBSERVE",
      bizStep: rest.bizStep,
      disposition: rest.disposition,
      readPoint: { id: rest.readPoint },
      bizTransactionList: transactions,
      sourceList: sources,
      destinationList: destinations,
      ilmd,
      ...extensions,
    }),
  );

const LUMBUNG_NS: Namespaces = new Map([["lb", "https://lumbung.example.id/epcis/"]]);

/** A deterministic pseudo-random source (mulberry32), so that a failing seed replays. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same JSON with every object's keys (and, if asked, every array's elements) in another order. */
function reorder(value: unknown, rand: () => number, arrays: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => reorder(item, rand, arrays));
    return arrays ? shuffle(items, rand) : items;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [k, reorder(v, rand, arrays)] as const);
    return Object.fromEntries(arrays ? entries : shuffle(entries, rand));
  }
  return value;
}

/** Reference vectors and generated events alike. */
const anyEvent: fc.Arbitrary<{ event: EpcisEvent; namespaces: Namespaces }> = fc.oneof(
  fc.constantFrom(...VECTORS.map(({ event, namespaces }) => ({ event, namespaces }))),
  generatedEvent.map((event) => ({ event, namespaces: LUMBUNG_NS })),
);

describe("eventHashId: properties", () => {
  it("does not depend on the order of JSON keys", () => {
    fc.assert(
      fc.property(anyEvent, fc.integer(), ({ event, namespaces }, seed) => {
        const reordered = reorder(event, random(seed), false) as EpcisEvent;
        expect(eventHashId(reordered, namespaces)).toBe(eventHashId(event, namespaces));
      }),
    );
  });

  it("does not depend on the order of list elements (EPCs, quantities, transactions, sensor reports, extensions)", () => {
    fc.assert(
      fc.property(anyEvent, fc.integer(), ({ event, namespaces }, seed) => {
        const reordered = reorder(event, random(seed), true) as EpcisEvent;
        expect(eventHashId(reordered, namespaces)).toBe(eventHashId(event, namespaces));
      }),
    );
  });

  it("depends on the instant of eventTime, not on the offset or precision it is written with", () => {
    fc.assert(
      fc.property(generatedEvent, instant, fc.constantFrom(0, 3, 6, 9), (event, [, otherOffset], digits) => {
        const date = new Date(Date.parse(event.eventTime));
        // Leaving the fraction out is only the same instant when it was zero.
        const fractionDigits = date.getUTCMilliseconds() === 0 ? digits : Math.max(digits, 3);
        const sameInstant = { ...event, eventTime: localTimestamp(date, otherOffset, fractionDigits) };
        expect(eventHashId(sameInstant, LUMBUNG_NS)).toBe(eventHashId(event, LUMBUNG_NS));
        const asUtc = { ...event, eventTime: date.toISOString() };
        expect(eventHashId(asUtc, LUMBUNG_NS)).toBe(eventHashId(event, LUMBUNG_NS));
      }),
    );
  });

  it("reads a bare CBV word, its GS1 Web URI and its urn:epcglobal:cbv URN alike", () => {
    fc.assert(
      fc.property(
        generatedEvent,
        fc.constantFrom("web", "urn") as fc.Arbitrary<"web" | "urn">,
        (event, form) => {
          const write = (kind: string, word: string) => {
            const forms = CBV_FORMS[kind];
            return forms ? forms[form] + word : word;
          };
          const rewritten: EpcisEvent = {
            ...event,
            bizStep: write("bizStep", event.bizStep as string),
            disposition: write("disposition", event.disposition as string),
            bizTransactionList: (event.bizTransactionList as { type: string; bizTransaction: string }[]).map(
              (t) => ({
                ...t,
                type: write("bizTransaction", t.type),
              }),
            ),
            sourceList: (event.sourceList as { type: string; source: string }[]).map((s) => ({
              ...s,
              type: write("party", s.type),
            })),
            destinationList: (event.destinationList as { type: string; destination: string }[]).map((d) => ({
              ...d,
              type: write("party", d.type),
            })),
          };
          expect(eventHashId(rewritten, LUMBUNG_NS)).toBe(eventHashId(event, LUMBUNG_NS));
        },
      ),
    );
  });

  it("reads an EPC URI and its GS1 Digital Link alike", () => {
    const { event: urn, namespaces } = vector("ShippingAndTransporting, 1");
    const dl = { ...urn, epcList: ["https://id.gs1.org/00/140123451122233341"] };
    const foreign = { ...urn, epcList: ["https://brand.example.com/sscc/140123451122233341?s=1"] };
    expect(eventHashId(dl, namespaces)).toBe(eventHashId(urn, namespaces));
    expect(eventHashId(foreign, namespaces)).toBe(eventHashId(urn, namespaces));
  });

  it("changes when any quantity changes", () => {
    fc.assert(
      fc.property(generatedEvent, fc.nat(), quantity, (event, at, newQuantity) => {
        const quantities = event.quantityList as { quantity: number }[];
        const i = at % quantities.length;
        fc.pre(newQuantity !== quantities[i]?.quantity);
        const changed = {
          ...event,
          quantityList: quantities.map((q, j) => (j === i ? { ...q, quantity: newQuantity } : q)),
        };
        expect(eventHashId(changed, LUMBUNG_NS)).not.toBe(eventHashId(event, LUMBUNG_NS));
      }),
    );
  });

  it("changes when any EPC changes", () => {
    fc.assert(
      fc.property(generatedEvent, fc.nat(), sgtin, (event, at, newEpc) => {
        const epcs = event.epcList as string[];
        fc.pre(!epcs.includes(newEpc));
        const changed = { ...event, epcList: epcs.map((e, j) => (j === at % epcs.length ? newEpc : e)) };
        expect(eventHashId(changed, LUMBUNG_NS)).not.toBe(eventHashId(event, LUMBUNG_NS));
      }),
    );
  });

  it("changes when the bizStep changes", () => {
    fc.assert(
      fc.property(generatedEvent, fc.constantFrom(...BIZ_STEPS), (event, bizStep) => {
        fc.pre(bizStep !== event.bizStep);
        expect(eventHashId({ ...event, bizStep }, LUMBUNG_NS)).not.toBe(eventHashId(event, LUMBUNG_NS));
      }),
    );
  });
});
