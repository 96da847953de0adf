package io.safaridesk.provisioning.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The records that dnsmasq configuration lines describe, and the answers dnsmasq gives from them with {@code
 * local=/test/}: the records of the type asked for at a name it has records for (NOERROR and no answer if none is of
 * that type), NOERROR and no answer for a name under {@code .test} above such a name (an empty non-terminal, e.g.
 * {@code acme.test} above {@code _safaridesk-challenge.acme.test}), NXDOMAIN for any other name under {@code .test},
 * REFUSED for the rest, as it asks no upstream server.
 * Names compare case-insensitively. Its records live for 0 seconds, dnsmasq's default {@code local-ttl}. All its
 * answers but REFUSED are marked authoritative (AA), empty ones and NXDOMAIN too, where dnsmasq marks only those with
 * records: no client here looks at the flag.
 *
 * <p>Lines understood: {@code txt-record=<name>[,<text>...]} (every text a character string, split at 255 bytes) and
 * {@code host-record=<name>[,<name>...],[<IPv4>],[<IPv6>][,<TTL>]} (A and AAAA records, not the PTR records dnsmasq
 * adds). Any other line is refused rather than silently ignored.
 */
final class DnsmasqZone {

    private static final Name TEST = Name.fromConstantString("test.");
    private static final long LOCAL_TTL = 0;
    private static final int MAX_CHARACTER_STRING = 255;

    private final Map<Name, List<Record>> records;

    private DnsmasqZone(Map<Name, List<Record>> records) {
        this.records = records;
    }

    /** The records of these configuration lines. */
    static DnsmasqZone of(List<String> lines) {
        Map<Name, List<Record>> records = new LinkedHashMap<>();
        for (String line : lines) {
            DnsmasqLine.parse(line)
                    .map(DnsmasqZone::records)
                    .orElse(List.of())
                    .forEach(record -> records.computeIfAbsent(record.getName(), name -> new ArrayList<>())
                            .add(record));
        }
        records.replaceAll((name, atName) -> List.copyOf(atName));
        return new DnsmasqZone(Map.copyOf(records));
    }

    /** The response to {@code query}, as dnsmasq would give it. */
    Message answer(Message query) {
        Header asked = query.getHeader();
        var response = new Message(asked.getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode(asked.getOpcode());
        if (asked.getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (asked.getOpcode() != Opcode.QUERY) {
            header.setRcode(Rcode.NOTIMP);
            return response;
        }
        if (question == null) {
            header.setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        List<Record> atName = records.get(name);
        boolean internet = question.getDClass() == DClass.IN || question.getDClass() == DClass.ANY;
        if (internet && atName != null) {
            header.setFlag(Flags.AA);
            atName.stream()
                    .filter(record -> question.getType() == Type.ANY || record.getType() == question.getType())
                    .forEach(record -> response.addRecord(record.withName(name), Section.ANSWER));
        } else if (internet && name.subdomain(TEST)) {
            header.setFlag(Flags.AA);
            if (!hasRecordsBelow(name)) {
                header.setRcode(Rcode.NXDOMAIN);
            }
        } else {
            header.setRcode(Rcode.REFUSED);
        }
        return response;
    }

    /** Whether {@code name} is an empty non-terminal, like {@code acme.test} above {@code _challenge.acme.test}. */
    private boolean hasRecordsBelow(Name name) {
        return records.keySet().stream().anyMatch(owner -> owner.subdomain(name));
    }

    private static List<Record> records(DnsmasqLine line) {
        return switch (line.option()) {
            case "txt-record" -> List.of(txtRecord(line));
            case "host-record" -> hostRecords(line);
            default ->
                throw new IllegalArgumentException(
                        "The embedded DNS server serves txt-record and host-record lines, not " + line.option()
                                + " (install dnsmasq for the rest)");
        };
    }

    private static Record txtRecord(DnsmasqLine line) {
        List<String> values = line.values();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("txt-record without a name");
        }
        var rdata = new DNSOutput();
        List<String> strings = values.size() == 1 ? List.of("") : values.subList(1, values.size());
        for (String string : strings) {
            byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
            int from = 0;
            do {
                int to = Math.min(bytes.length, from + MAX_CHARACTER_STRING);
                rdata.writeCountedString(Arrays.copyOfRange(bytes, from, to));
                from = to;
            } while (from < bytes.length);
        }
        return Record.newRecord(name(values.getFirst()), Type.TXT, DClass.IN, LOCAL_TTL, rdata.toByteArray());
    }

    private static List<Record> hostRecords(DnsmasqLine line) {
        List<Name> names = new ArrayList<>();
        List<InetAddress> addresses = new ArrayList<>();
        long ttl = LOCAL_TTL;
        List<String> values = line.values();
        for (int at = 0; at < values.size(); at++) {
            String value = values.get(at);
            InetAddress address = literal(value);
            if (address != null) {
                addresses.add(address);
            } else if (at == values.size() - 1 && !names.isEmpty() && value.matches("\\d+")) {
                ttl = Long.parseLong(value);
            } else if (!value.isEmpty()) {
                names.add(name(value));
            }
        }
        if (names.isEmpty() || addresses.isEmpty()) {
            throw new IllegalArgumentException("host-record needs a name and an address: " + values);
        }
        List<Record> records = new ArrayList<>();
        for (Name name : names) {
            for (InetAddress address : addresses) {
                records.add(
                        address.getAddress().length == 4
                                ? new ARecord(name, DClass.IN, ttl, address)
                                : new AAAARecord(name, DClass.IN, ttl, address));
            }
        }
        return records;
    }

    private static @Nullable InetAddress literal(String value) {
        byte[] bytes = Address.toByteArray(value, Address.IPv4);
        if (bytes == null) {
            bytes = Address.toByteArray(value, Address.IPv6);
        }
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes make an address", e);
        }
    }

    private static Name name(String value) {
        try {
            return Name.fromString(value, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("Not a domain name: " + value, e);
        }
    }
}
