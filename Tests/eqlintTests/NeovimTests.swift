import Foundation
import Testing

/// `eqlint lsp` in a real editor: Neovim (Debian's, 0.7 or later), headless,
/// run as a new user would use it: open a plan, see its findings, type,
/// hover one, apply "disable for this line". Skipped when `nvim` is not
/// installed (`.ci/run` installs it).
@Suite("Neovim")
struct NeovimTests {
    static let nvim = ["/usr/bin/nvim", "/usr/local/bin/nvim", "/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A plan with an emoji before "BAME" (outdated-term) on its line, so
    /// UTF-16 positions, UTF-8 bytes and characters all differ there.
    static let plan = """
        # Equality objectives 2025\u{2013}2028

        ## Objective 1 \u{1F600} Caf\u{e9} club: fewer exclusions

        **Lead:** Deputy Headteacher

        **Aim:** \u{1F308} Advance equality of opportunity for BAME pupils

        """

    /// The script Neovim runs: everything it saw, written as JSON to $EQLINT_OUT.
    static let script = #"""
        local setup, plan, out = os.getenv("EQLINT_SETUP"), os.getenv("EQLINT_PLAN"), os.getenv("EQLINT_OUT")
        local report = { steps = {} }
        local function step(name) table.insert(report.steps, name) end
        local function codes(buf)
          local found = {}
          for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(found, d.code or "") end
          table.sort(found)
          return found
        end
        local function has(buf, code)
          for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == code then return d end end
          return nil
        end
        local ok, err = pcall(function()
          -- The README's set-up for Neovim 0.7, as a user would paste it into init.lua.
          dofile(setup)
          vim.cmd("edit " .. vim.fn.fnameescape(plan))
          local buf = vim.api.nvim_get_current_buf()
          local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
          local client_id
          vim.wait(20000, function()
            for _, client in ipairs(get_clients()) do if client.name == "eqlint" then client_id = client.id end end
            return client_id ~= nil
          end, 20)
          report.client = client_id ~= nil
          step("started")

          -- The findings arrive.
          report.opened = vim.wait(60000, function() return has(buf, "outdated-term") ~= nil end, 20)
          local term = has(buf, "outdated-term")
          report.codes = codes(buf)
          if term then
            report.term = { lnum = term.lnum, col = term.col, end_col = term.end_col, severity = term.severity,
                            source = term.source, message = term.message,
                            href = term.user_data and term.user_data.lsp and term.user_data.lsp.codeDescription
                                   and term.user_data.lsp.codeDescription.href or "" }
          end
          step("diagnostics")

          -- Typing: "BAME" becomes "ethnic minority" in the buffer; its finding goes.
          local line = vim.api.nvim_buf_get_lines(buf, 6, 7, false)[1]
          local from, to = string.find(line, "BAME", 1, true)
          vim.api.nvim_buf_set_text(buf, 6, from - 1, 6, to, { "ethnic minority" })
          report.typed = vim.wait(30000, function() return has(buf, "outdated-term") == nil and #vim.diagnostic.get(buf) > 0 end, 20)
          step("typed")
          vim.api.nvim_buf_set_text(buf, 6, from - 1, 6, from - 1 + #"ethnic minority", { "BAME" })
          report.retyped = vim.wait(30000, function() return has(buf, "outdated-term") ~= nil end, 20)
          term = has(buf, "outdated-term")
          step("retyped")

          -- Hover on the finding.
          local client = vim.lsp.get_client_by_id(client_id)
          -- Neovim keeps byte columns; the server was told UTF-16 positions.
          local function utf16(lnum, col)
            local text, units = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1], 0
            for i = 1, col do
              local byte = string.byte(text, i)
              if byte < 0x80 or (byte >= 0xC0 and byte < 0xF0) then units = units + 1 elseif byte >= 0xF0 then units = units + 2 end
            end
            return { line = lnum, character = units }
          end
          local range = { start = utf16(term.lnum, term.col), ["end"] = utf16(term.end_lnum or term.lnum, term.end_col) }
          local lsp_diagnostic = { range = range, code = term.code, source = term.source, message = term.message, severity = 3 }
          local position = range.start
          local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position }
          local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 20000)
          local text = ""
          for _, response in pairs(hover or {}) do
            if response.result and response.result.contents then text = response.result.contents.value or "" end
          end
          report.hover = text
          step("hover")

          -- Apply "Disable outdated-term for this line".
          local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
            textDocument = { uri = vim.uri_from_bufnr(buf) },
            range = lsp_diagnostic.range,
            context = { diagnostics = { lsp_diagnostic } },
          }, 20000)
          report.actions = {}
          for _, response in pairs(actions or {}) do
            for _, action in ipairs(response.result or {}) do
              table.insert(report.actions, action.title)
              if action.title == "Disable outdated-term for this line" then
                vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
              end
            end
          end
          report.disabled = vim.wait(30000, function() return has(buf, "outdated-term") == nil and #vim.diagnostic.get(buf) > 0 end, 20)
          report.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
          report.final_codes = codes(buf)
          step("disabled")

          -- Shut the server down.
          vim.lsp.stop_client(client_id)
          report.stopped = vim.wait(20000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
          step("stopped")
        end)
        report.ok = ok
        report.error = ok and "" or tostring(err)
        local file = io.open(out, "w")
        file:write(vim.fn.json_encode(report))
        file:close()
        vim.cmd("qa!")
        """#

    /// The README's Lua for Neovim 0.7 (the block that uses `vim.lsp.start_client`).
    static func readmeSetup() throws -> String {
        let readme = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```lua\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        return try #require(blocks.first { $0.contains("vim.lsp.start_client") }, "the README has no Neovim 0.7 set-up")
    }

    struct Report: Decodable {
        struct Finding: Decodable {
            var lnum: Int
            var col: Int
            var end_col: Int
            var severity: Int
            var source: String
            var message: String
            var href: String
        }

        var ok: Bool
        var error: String
        var steps: [String]
        var client: Bool?
        var opened: Bool?
        var codes: [String]?
        var term: Finding?
        var typed: Bool?
        var retyped: Bool?
        var hover: String?
        var actions: [String]?
        var disabled: Bool?
        var lines: [String]?
        var final_codes: [String]?
        var stopped: Bool?
    }

    @Test("with the README's set-up: open a plan, see its findings, type, hover, disable a rule for a line, shut down",
          .enabled(if: nvim != nil, "nvim is not installed"), .timeLimit(.minutes(3)))
    func session() throws {
        let folder = try TemporaryFolder.make("neovim")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A repository of its own, so no configuration above it applies.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let plan = folder.appendingPathComponent("plan.md"), script = folder.appendingPathComponent("session.lua")
        let setup = folder.appendingPathComponent("init.lua")
        try Self.readmeSetup().write(to: setup, atomically: false, encoding: .utf8)
        let output = folder.appendingPathComponent("report.json")
        try Self.plan.write(to: plan, atomically: false, encoding: .utf8)
        try Self.script.write(to: script, atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.nvim!)
        process.arguments = ["--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile \(script.path)"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        // The README runs `eqlint` from the PATH: the one just built.
        environment["PATH"] = CLITests.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["EQLINT_SETUP"] = setup.path
        environment["EQLINT_PLAN"] = plan.path
        environment["EQLINT_OUT"] = output.path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Bounded: an editor that hangs is killed, and the test fails.
        let deadline = Date().addingTimeInterval(150)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            Issue.record("Neovim did not finish within 150 seconds")
            return
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: output))
        #expect(report.ok, "\(report.error)")
        #expect(report.steps == ["started", "diagnostics", "typed", "retyped", "hover", "disabled", "stopped"])
        #expect(report.client == true && report.opened == true)
        #expect(report.codes?.contains("objective-success-criteria") == true)
        // The finding is on "BAME", placed by byte in Neovim's buffer: after the rainbow (4 bytes).
        let line = "**Aim:** \u{1F308} Advance equality of opportunity for BAME pupils"
        let byte = line.utf8.distance(from: line.utf8.startIndex, to: line.range(of: "BAME")!.lowerBound.samePosition(in: line.utf8)!)
        #expect(report.term?.lnum == 6)
        #expect(report.term?.col == byte)
        #expect(report.term?.end_col == byte + 4)
        #expect(report.term?.severity == 3)  // vim.diagnostic.severity.INFO
        #expect(report.term?.source == "eqlint")
        #expect(report.term?.href.hasSuffix("docs/rules.md#outdated-term") == true)
        #expect(report.typed == true && report.retyped == true)
        #expect(report.hover?.contains("`outdated-term`") == true)
        #expect(report.hover?.contains("What the duty or guidance says") == true)
        #expect(report.actions?.contains("Disable outdated-term for this line") == true)
        #expect(report.actions?.contains("Disable outdated-term for this file") == true)
        #expect(report.actions?.contains { $0.hasPrefix("replace \u{201C}BAME\u{201D} with") } == true)
        #expect(report.disabled == true)
        #expect(report.lines?.contains("<!-- eqlint-disable-next-line outdated-term -- TODO: say why -->") == true)
        #expect(report.final_codes?.contains("outdated-term") == false)
        #expect(report.final_codes?.contains("unused-suppression") == false)
        #expect(report.stopped == true)
    }
}
