package org.ruralbank.samplebank.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The state file of a generated {@link Bank}, from which a later run continues exactly: its scalars, then every
 * column in a fixed order, gzipped. Written atomically; a file of another {@link #FORMAT} is refused.
 */
final class BankFile {

    static final int FORMAT = 4;

    private BankFile() {}

    /** Writes the state atomically to {@code file}. */
    static void save(Bank bank, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16) {
                    {
                        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                    }
                },
                1 << 16))) {
            out.writeInt(FORMAT);
            out.writeLong(bank.seed);
            out.writeInt(bank.banks);
            out.writeDouble(bank.volume);
            out.writeBoolean(bank.utf8);
            out.writeInt(bank.startDay);
            out.writeInt(bank.lastDay);
            out.writeInt(bank.lastVersion);
            out.writeLong(bank.goldenCard);
            out.writeInt(bank.pensionMonths);
            out.writeInt(bank.subsidyCursor);
            out.writeLong(bank.posFeeCarry);
            for (Object col : columns(bank)) {
                if (col instanceof Grow.Ints c) {
                    c.write(out);
                } else if (col instanceof Grow.Longs c) {
                    c.write(out);
                } else {
                    ((Grow.Bytes) col).write(out);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Bank load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(file + " was written by another version of the generator (format " + format
                        + ", expected " + FORMAT + ")");
            }
            Bank b = new Bank(in.readLong(), in.readInt(), in.readDouble(), in.readBoolean());
            b.startDay = in.readInt();
            b.lastDay = in.readInt();
            b.lastVersion = in.readInt();
            b.goldenCard = in.readLong();
            b.pensionMonths = in.readInt();
            b.subsidyCursor = in.readInt();
            b.posFeeCarry = in.readLong();
            for (Object col : columns(b)) {
                if (col instanceof Grow.Ints c) {
                    c.read(in);
                } else if (col instanceof Grow.Longs c) {
                    c.read(in);
                } else {
                    ((Grow.Bytes) col).read(in);
                }
            }
            return b;
        }
    }

    private static Object[] columns(Bank b) {
        return new Object[] {
            b.pOpen,
            b.pVersion,
            b.pCards,
            b.pEb,
            b.pCardAcct,
            b.cOpen,
            b.cVersion,
            b.cEb,
            b.cAcct,
            b.aCust,
            b.aProduct,
            b.aKind,
            b.aOrg,
            b.aOpen,
            b.aTerm,
            b.aBal,
            b.aTarget,
            b.aStatus,
            b.aClose,
            b.kAcct,
            b.kIssue,
            b.kStatus,
            b.kProduct,
            b.kMedium,
            b.kActivate,
            b.kReplaced,
            b.kOrg,
            b.lCust,
            b.lProduct,
            b.lAmount,
            b.lStart,
            b.lMaturity,
            b.lStatus,
            b.lBal,
            b.lOvdPrin,
            b.lOvdInt,
            b.lDueSince,
            b.lSettle,
            b.lOrg,
            b.lTrouble,
            b.lGuarantee,
            b.eCust,
            b.eType,
            b.eSign,
            b.eAcct,
            b.eOrg,
            b.eSingle,
            b.eDaily,
            b.dType,
            b.dOrg,
            b.dOffsite,
            b.dMerchant,
            b.dInstall,
            b.dStatus,
            b.mCust,
            b.mAcct,
            b.mOrg,
            b.mSign,
            b.mStatus,
            b.mFlags,
            b.mMdr,
            b.mShop
        };
    }
}
