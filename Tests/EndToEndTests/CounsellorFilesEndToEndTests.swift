import Foundation
import Testing

/// The files a counsellor imports (issue "truth", item 8): `summary.csv` and `schulden.csv` in
/// the dialect Dutch Excel opens directly, read back as Excel would with Python's `csv`, and the
/// case reference a client typed at grant in every requester output.
@Suite("Counsellor files end to end")
struct CounsellorFilesEndToEndTests {
    /// Reads both CSV files as Excel-NL and checks them against the overviews' JSON; prints OK
    /// or what is wrong.
    static let checker = """
        import csv, json, sys, os
        out = sys.argv[1]
        problems = []
        def read(name):
            raw = open(os.path.join(out, name), 'rb').read()
            if not raw.startswith(b'\\xef\\xbb\\xbf'): problems.append(name + ': no BOM')
            rows = list(csv.reader(raw.decode('utf-8-sig').splitlines(), delimiter=';'))
            for row in rows:
                for cell in row:
                    if cell[:1] in ('=', '+', '-', '@'): problems.append(name + ': cell starts with ' + cell[:1] + ': ' + cell)
            return rows[0], rows[1:]
        def shown(text):
            # What a formula-safe cell holds: an apostrophe before a formula's first character.
            return "'" + text if text[:1] in ('=', '+', '-', '@', '\\t', '\\r') else text
        def cents(text):
            whole, _, fraction = text.partition(',')
            return int(whole) * 100 + int(fraction or 0)
        head, summary = read('summary.csv')
        debts_head, debts = read('schulden.csv')
        for row in summary:
            record = dict(zip(head, row))
            overview = json.load(open(os.path.join(out, record['overview'])))
            if cents(record['saldo_euro']) != overview['totals']['saldo']: problems.append('summary saldo ' + record['saldo_euro'])
            if cents(record['achterstallig_euro']) != overview['totals']['achterstallig']: problems.append('summary achterstallig')
            if record['reference'] != shown(overview['consent'].get('reference', '')): problems.append('summary reference ' + record['reference'])
            mine = [dict(zip(debts_head, d)) for d in debts if dict(zip(debts_head, d))['consent_id'] == record['consent_id']]
            if sum(cents(d['saldo_euro']) for d in mine) != overview['totals']['saldo']: problems.append('debts saldo')
            if len(mine) != overview['totals']['zaken']: problems.append('debts count %d' % len(mine))
            for d in mine:
                if d['reference'] != record['reference']: problems.append('debt reference')
        print('OK' if not problems else '\\n'.join(problems))
        """

    @Test("summary.csv and schulden.csv open in Dutch Excel: ';', euros with a decimal comma, BOM, no formula; amounts equal the JSON's; the reference in both")
    func excelNL() throws {
        let holder = try TestHolder()
        let consents = holder.directory + "/consents", out = holder.directory + "/out"
        try FileManager.default.createDirectory(atPath: consents, withIntermediateDirectories: true)
        for (index, bsn) in [ExpectedFigures.richCitizen, ExpectedFigures.singleDebtCitizen].enumerated() {
            var environment = holder.bkEnvironment
            environment["BK_STATE_DIR"] = holder.directory + "/citizen-\(index)"
            #expect(try CommandResult.run(Paths.binaries + "/bk", ["login", "--test-bsn", bsn], environment: environment).status == 0)
            // A reference as a case system makes it, with what a spreadsheet would take for a formula.
            let grant = try CommandResult.run(
                Paths.binaries + "/bk",
                [
                    "consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", "CJIB,DUO,CAK,Utrecht", "--yes",
                    "--reference", index == 0 ? "SHV-2026/0042" : "=HYPERLINK(\"x\")", "-o", consents + "/client-\(index).jws",
                ], environment: environment)
            #expect(grant.status == 0, "\(grant.standardError)")
        }
        let batch = try RequesterRun.batch(holder, consents: consents, out: out)
        #expect(batch.status == 0, "\(batch.standardError)")
        let checked = try CommandResult.run("/usr/bin/python3", ["-c", Self.checker, out])
        #expect(checked.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "OK", "\(checked.standardOutput) \(checked.standardError)")
        let debts = try String(contentsOfFile: out + "/schulden.csv", encoding: .utf8)
        #expect(debts.contains("SHV-2026/0042;"), "\(debts.prefix(400))")
        #expect(debts.contains(";74,00;74,00;"), "CJIB's fine in euros: \(debts)")
    }

    @Test("The reference travels with the consent into the requester's overview, table and PDF; a reference with control characters is refused")
    func referenceEverywhere() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let path = holder.directory + "/consent.jws"
        let grant = try holder.bk(
            "consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", "CJIB", "--yes", "--reference", "SHV-7",
            "-o", path)
        #expect(grant.status == 0, "\(grant.standardError)")
        #expect(grant.standardError.contains("Kenmerk van uw hulpverlener: SHV-7."))
        let json = try RequesterScopeEndToEndTests.requester(holder, consent: path, ["--format", "json"])
        #expect(((try RequesterScopeEndToEndTests.json(json))["consent"] as? [String: Any])?["reference"] as? String == "SHV-7")
        #expect(try Validators.jsonSchemaProblem(document: json.standardOutput, schema: Paths.packageRoot + "/Schemas/overview.schema.json") == nil)
        let table = try RequesterScopeEndToEndTests.requester(holder, consent: path, ["--format", "table"])
        #expect(table.standardOutput.contains("Uw kenmerk voor deze cliënt: SHV-7"), "\(table.standardOutput)")
        let file = holder.directory + "/r.json"
        try json.standardOutput.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try holder.bk("verify", file).status == 0)
        let refused = try holder.bk(
            "consent", "grant", "--to", "Utrecht SHV", "--purpose", "schuldhulpverlening", "--days", "30", "--only", "CJIB", "--yes", "--reference",
            "SHV\u{1B}[2J", "-o", holder.directory + "/bad.jws")
        #expect(refused.status == 1, "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: holder.directory + "/bad.jws"))
    }
}
